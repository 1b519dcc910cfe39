import { AppError, isTimeZone, textSchema, workingHoursSchema } from '@bigrock/core';
import { z } from 'zod';

import { parseInput } from '../validation.js';
import type { Workspace, WorkspaceRepository } from './workspace.repository.js';

export const updateWorkspaceSchema = z.object({
  name: textSchema
    .trim()
    .min(1, { message: 'must not be empty: name the workspace' })
    .max(100, { message: 'must be at most 100 characters' })
    .optional(),
  timeZone: textSchema.refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' }).optional(),
  /** Replaces the working hours as a whole: a day left out becomes a day off. */
  workingHours: workingHoursSchema.optional(),
});

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

export function createWorkspaceService({
  workspaces,
  workspaceId,
}: {
  workspaces: WorkspaceRepository;
  workspaceId: string;
}) {
  async function get(): Promise<Workspace> {
    const workspace = await workspaces.find(workspaceId);
    if (workspace === undefined) throw new AppError('not-found', `The workspace "${workspaceId}" does not exist.`);
    return workspace;
  }

  return {
    get,
    async update(input: unknown): Promise<Workspace> {
      await workspaces.update(workspaceId, parseInput(updateWorkspaceSchema, input));
      return get();
    },
  };
}
