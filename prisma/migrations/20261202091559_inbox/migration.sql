-- CreateEnum
CREATE TYPE "FollowReason" AS ENUM ('AUTHOR', 'COMMENTED', 'MENTIONED', 'MANUAL');

-- CreateTable
CREATE TABLE "PostFollow" (
    "postId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "reason" "FollowReason" NOT NULL,
    "activityAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostFollow_pkey" PRIMARY KEY ("postId","userId")
);

-- CreateIndex
CREATE INDEX "PostFollow_userId_workspaceId_activityAt_idx" ON "PostFollow"("userId", "workspaceId", "activityAt" DESC);

-- AddForeignKey
ALTER TABLE "PostFollow" ADD CONSTRAINT "PostFollow_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostFollow" ADD CONSTRAINT "PostFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
