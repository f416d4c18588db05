// A lead's station (a full replica with no admin among its users) reads the station list, for the lead's view of each
// collector's last sync; enrolling and revoking stay an admin station's, and a collector's station reads nothing.
import { expect, it } from 'vitest';
import { issueEnrollmentCode } from '../../shared/replication/enroll';
import { claimedHub, closeStations, enroll, user } from './harness';
import { bothStores } from './suites';

bothStores('the station list for a lead’s station', (kind) => {
  it('lists for a full replica, not for a partial one; only an admin’s station enrolls and revokes', async () => {
    const { hub, admin } = await claimedHub(kind);
    const lead = await enroll(hub, admin, [user('lead')], 'full');
    const collector = await enroll(hub, admin, [user('collector')]);
    try {
      const list = await lead.client.stations();
      expect(list.stations.map((s) => s.id).sort()).toEqual([admin.id, lead.id, collector.id].sort());
      expect(list.stations.find((s) => s.id === collector.id)).toMatchObject({ replica: 'partial', admin: false, pending: expect.any(Number) });
      await expect(lead.client.revoke(collector.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(issueEnrollmentCode(lead.client, { dataKeys: lead.dataKeys, users: [user()], replica: 'partial', ttlMs: 60_000 })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(collector.client.stations()).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      await closeStations(admin, lead, collector);
      await hub.close();
    }
  });
});
