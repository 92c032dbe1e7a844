-- AlterTable
ALTER TABLE "ChannelMember" ADD COLUMN     "addedById" TEXT;
