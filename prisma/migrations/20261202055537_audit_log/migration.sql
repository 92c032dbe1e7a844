-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "actorId" TEXT,
    "actorKind" TEXT NOT NULL,
    "actorTokenId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "clientAddress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_seq_idx" ON "AuditEvent"("workspaceId", "action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_actorId_seq_idx" ON "AuditEvent"("workspaceId", "actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_targetId_seq_idx" ON "AuditEvent"("workspaceId", "targetId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_workspaceId_seq_key" ON "AuditEvent"("workspaceId", "seq");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
