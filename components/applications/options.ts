import type { ApplicationStage, ParticipantRole } from "@/lib/db/schema";
import { roleLabels, stageLabels } from "@/lib/labels";

// Select options for client components, taken from the labels (same order as the schema's
// tuples) so the browser bundle never imports the drizzle schema itself.

export const stageOptions = Object.entries(stageLabels) as [ApplicationStage, string][];
export const roleOptions = Object.entries(roleLabels) as [ParticipantRole, string][];
