import { z } from 'zod';

/** Organisation settings as every signed-in user reads them (PATCH /settings: settings.service.ts). */
export const OrgSettings = z.object({ organization_name: z.string(), currency: z.string(), phone_region: z.string() });
export const SettingsAnswer = z.object({ data: OrgSettings });
