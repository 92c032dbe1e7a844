-- Full-text search (issue 12): generated tsvector columns the database keeps up to date on every insert and update,
-- each with a GIN index. Prisma models them as Unsupported("tsvector"); the GENERATED clause is written by hand
-- (the generator cannot express it). English stemming: "deploying" finds "deploy".

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce("body", ''))) STORED;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce("body", '')), 'B')
  ) STORED;

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Post_workspaceId_authorId_createdAt_idx" ON "Post"("workspaceId", "authorId", "createdAt");
