import type { EmulatorUser, FieldDef, ObjectDef, OrgData } from '../model/types';

export const ADMIN_PROFILE = 'System Administrator';
export const STANDARD_PROFILE = 'Standard User';

/**
 * The user's profile. Users without one are given the profile their permissions imply: View
 * All Data comes with System Administrator in the demo org, the reps are Standard Users.
 */
export function profileOf(user: EmulatorUser): string {
  return user.profile ?? (user.viewAllData ? ADMIN_PROFILE : STANDARD_PROFILE);
}

export function canReadField(user: EmulatorUser, field: FieldDef): boolean {
  return !field.hiddenFromProfiles.includes(profileOf(user));
}

const views = new WeakMap<ObjectDef, Map<string, ObjectDef>>();

/**
 * The object as `user` sees it: without the fields field-level security hides from their
 * profile, so describe leaves them out and SOQL naming them fails with INVALID_FIELD ("No
 * such column"), exactly as Salesforce answers. One view per profile is kept, so the SOQL
 * engine's per-object indexes (WeakMaps keyed by the ObjectDef) stay warm.
 */
export function visibleObject(def: ObjectDef, user: EmulatorUser): ObjectDef {
  const profile = profileOf(user);
  if (!def.fields.some((f) => f.hiddenFromProfiles.includes(profile))) return def;
  let byProfile = views.get(def);
  if (!byProfile) {
    byProfile = new Map();
    views.set(def, byProfile);
  }
  let view = byProfile.get(profile);
  if (!view) {
    view = { ...def, fields: def.fields.filter((f) => !f.hiddenFromProfiles.includes(profile)) };
    byProfile.set(profile, view);
  }
  return view;
}

/**
 * The org's data with describe narrowed by the user's field-level security: a hidden field
 * is unknown to every clause, so naming it fails with INVALID_FIELD as in Salesforce.
 */
export function asSeenBy(data: OrgData, user: EmulatorUser): OrgData {
  return {
    describe: (name) => {
      const def = data.describe(name);
      return def && visibleObject(def, user);
    },
    rows: (name) => data.rows(name),
    byId: (id) => data.byId(id),
    canSee: (u, name, record) => data.canSee(u, name, record),
  };
}
