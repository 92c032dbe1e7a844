-- AlterEnum
ALTER TYPE "OneTimeTokenPurpose" ADD VALUE 'INVITE';

-- DropIndex
DROP INDEX "Invite_tokenHash_key";

-- AlterTable
ALTER TABLE "Invite" DROP COLUMN "tokenHash";

-- AlterTable
ALTER TABLE "OneTimeToken" ADD COLUMN     "inviteId" TEXT;

-- CreateIndex
CREATE INDEX "OneTimeToken_inviteId_idx" ON "OneTimeToken"("inviteId");

-- AddForeignKey
ALTER TABLE "OneTimeToken" ADD CONSTRAINT "OneTimeToken_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite"("id") ON DELETE CASCADE ON UPDATE CASCADE;
