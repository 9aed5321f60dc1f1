// The web app's API types come from the contracts the server validates with (src/shared/contracts):
// one definition, so a changed answer breaks the build here instead of a page at run time.
import type { z } from 'zod';
import type * as auth from '../../shared/contracts/auth.ts';
import type * as users from '../../shared/contracts/users.ts';
import type * as records from '../../shared/contracts/records.ts';
import type * as imports from '../../shared/contracts/imports.ts';
import type * as settings from '../../shared/contracts/settings.ts';
import type * as mail from '../../shared/contracts/mail.ts';
import type * as inbox from '../../shared/contracts/inbox.ts';
import type * as numbering from '../../shared/contracts/numbering.ts';
import type * as forms from '../../shared/contracts/forms.ts';

export type { FieldMeta, FieldOption, FieldType, FilterOp } from '../../shared/fields.ts';
export type { Page, One } from '../../shared/contracts/common.ts';

export type AppLocale = z.infer<typeof auth.AppLocale>;

export type Ref = z.infer<typeof records.Ref>;
/** A record as the API returns it: its readable fields, plus refs (titles of linked records). */
export type ApiRecord = z.infer<typeof records.ApiRecord>;

export type Permissions = z.infer<typeof auth.Permissions>;
export type OrgSettings = z.infer<typeof settings.OrgSettings>;
export type NumberSequence = z.infer<typeof numbering.NumberSequence>;
export type Me = z.infer<typeof auth.Me>;
export type User = z.infer<typeof users.User>;
export type Team = z.infer<typeof users.Team>;
export type Role = z.infer<typeof users.Role>;
export type Filter = z.infer<typeof records.Filter>;
export type SavedView = z.infer<typeof records.SavedView>;
export type SearchHit = z.infer<typeof records.SearchHit>;
export type TimelineEvent = z.infer<typeof records.TimelineEvent>;
export type DuplicateMatch = z.infer<typeof records.DuplicateMatch>;
export type ContactAccountLink = z.infer<typeof records.ContactAccountLink>;
export type ImportJob = z.infer<typeof imports.ImportJob>;
export type ImportValidation = z.infer<typeof imports.ImportValidation>;
export type CustomField = z.infer<typeof records.CustomField>;
export type ApiKey = z.infer<typeof auth.ApiKey>;
export type AuditEntry = z.infer<typeof records.AuditEntry>;
export type LoginEntry = z.infer<typeof records.LoginEntry>;
export type SmtpView = z.infer<typeof mail.SmtpView>;
export type TestSendResult = z.infer<typeof mail.TestSendAnswer>['data'];
export type MailTemplate = z.infer<typeof mail.MailTemplate>;
export type MailPreview = z.infer<typeof mail.PreviewAnswer>['data'];
export type Mailbox = z.infer<typeof inbox.Mailbox>;
export type MailSummary = z.infer<typeof inbox.MailSummary>;
export type MailMessage = z.infer<typeof inbox.MailMessage>;
export type WebForm = z.infer<typeof forms.WebForm>;
export type WebFormInput = z.input<typeof forms.FormInput>;
export type FormSubmission = z.infer<typeof forms.Submission>;
export type PublicSettings = z.infer<typeof forms.PublicSettingsView>;
