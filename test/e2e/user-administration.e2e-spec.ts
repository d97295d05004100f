import { ROLES } from '@v2v/contracts';
import { negativeScreening } from '@v2v/testing';
import {
  Account,
  activeUser,
  api,
  createUser,
  fields,
  login,
  Refusal,
  strongPassword,
  today,
  TrainingRecord,
  unique,
} from './support/accounts';

describe('user administration and first login', () => {
  it('CSV-03 an admin creates a hospital user of an institution, who must change the temporary password before anything else', async () => {
    const username = `nurse-${unique()}`;
    const temporaryPassword = strongPassword();
    const created = await createUser({
      username,
      displayName: 'Nurse Li',
      role: 'hospital',
      institutionId: 'INST-001',
      temporaryPassword,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username,
      role: 'hospital',
      institutionId: 'INST-001',
      status: 'active',
      mustChangePassword: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password_?hash|\$2[aby]\$/i);

    const first = await login(username, temporaryPassword);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const restricted = first.body.accessToken;
    for (const path of ['/api/institutions', '/api/journeys', '/api/admin/users']) {
      const res = await api.request<Refusal>('GET', path, { token: restricted });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
      });
    }

    const weak = await api.request<Refusal>('POST', '/api/auth/password', {
      body: { currentPassword: temporaryPassword, newPassword: 'change-me-now' },
      token: restricted,
    });
    expect(weak.status).toBe(400);
    expect(fields(weak.body)).toContain('newPassword');
    const wrongCurrent = await api.request<Refusal>('POST', '/api/auth/password', {
      body: { currentPassword: 'not-the-temporary-one', newPassword: strongPassword() },
      token: restricted,
    });
    expect(wrongCurrent.status).toBe(403);
    expect(wrongCurrent.body.code).toBe('INVALID_CREDENTIALS');

    const password = strongPassword();
    const changed = await api.request('POST', '/api/auth/password', {
      body: { currentPassword: temporaryPassword, newPassword: password },
      token: restricted,
    });
    expect(changed.status).toBe(204);
    // The restricted session has ended: the new password needs a new login.
    const ended = await api.request<Refusal>('GET', '/api/institutions', { token: restricted });
    expect(ended.status).toBe(401);
    expect((await login(username, temporaryPassword)).status).toBe(401);

    const second = await login(username, password);
    expect(second.status).toBe(200);
    expect(second.body.mustChangePassword).toBe(false);
    const institutions = await api.request<Array<{ id: string }>>('GET', '/api/institutions', {
      token: second.body.accessToken,
    });
    expect(institutions.status).toBe(200);
    expect(institutions.body.map((i) => i.id)).toEqual(['INST-001']);

    const audit = await api.as<
      Array<{ action: string; actor: { userId: string; role: string }; reason: string | null }>
    >('ops', 'GET', `/api/audit/records/user-account/${username}`);
    expect(audit.body).toEqual([
      expect.objectContaining({ action: 'create', actor: { userId: 'admin', role: 'admin' } }),
      expect.objectContaining({
        action: 'update',
        actor: { userId: username, role: 'hospital' },
        reason: 'password changed by the user (required change)',
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(password);
  });

  it("PER-01 withdrawing a nurse's training record refuses her journey step, and nothing is applied", async () => {
    const nurse = await activeUser('hospital', 'INST-001');
    const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference: `PAT-${unique()}`,
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
        requestedCollectionDate: '2026-12-01',
      },
    });
    expect(order.status).toBe(201);
    const screen = () =>
      api.request<Refusal & { stage: string }>(
        'POST',
        `/api/journeys/${order.body.donorCode}/record-donor-screening`,
        { body: negativeScreening(new Date()), token: nurse.token },
      );
    const train = () =>
      api.as<TrainingRecord & Refusal>(
        'admin',
        'POST',
        `/api/admin/users/${nurse.username}/training-records`,
        {
          body: { operation: 'recordDonorScreening', validFrom: today(-1), validUntil: today(365) },
        },
      );

    const untrained = await screen();
    expect(untrained.status).toBe(403);
    expect(untrained.body.code).toBe('PER-01');

    const record = await train();
    expect(record.status).toBe(201);
    const withdrawn = await api.as<TrainingRecord>(
      'admin',
      'POST',
      `/api/admin/users/${nurse.username}/training-records/${record.body.id}/withdraw`,
      { body: { reason: 'failed the reassessment of donor screening' } },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawal).toMatchObject({ by: 'admin' });
    const again = await api.as<Refusal>(
      'admin',
      'POST',
      `/api/admin/users/${nurse.username}/training-records/${record.body.id}/withdraw`,
      { body: { reason: 'twice' } },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRAINING_RECORD_WITHDRAWN');

    const refused = await screen();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PER-01');
    const view = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.body.donorCode}`,
    );
    expect(view.body.view.stage).toBe('ordered');

    // Trained again, the same nurse takes the same step: the withdrawal was the refusal's cause.
    expect((await train()).status).toBe(201);
    const accepted = await screen();
    expect(accepted.status).toBe(200);
    expect(accepted.body.stage).toBe('donor-screened');

    const detail = await api.as<{ trainingRecords: TrainingRecord[] }>(
      'admin',
      'GET',
      `/api/admin/users/${nurse.username}`,
    );
    expect(detail.body.trainingRecords.map((r) => r.withdrawal !== null)).toEqual([true, false]);
  });

  it('PER-01 refuses every GMP operation that is not a journey step to an untrained user, before anything is signed or written', async () => {
    const qp = await activeUser('qa-qp');
    const operator = await activeUser('operator');
    const signature = { password: qp.password };
    const attempts = [
      { user: qp, path: '/api/key-materials', body: {} },
      { user: qp, path: '/api/key-material-lots/LOT-NONE/release', body: { signature } },
      { user: qp, path: '/api/key-material-lots/LOT-NONE/reject', body: { signature } },
      { user: qp, path: '/api/product-specifications/CART-CD19/versions', body: { signature } },
      { user: qp, path: '/api/institutions', body: { signature } },
      { user: qp, path: '/api/institutions/INST-001/decisions', body: { signature } },
      { user: qp, path: '/api/qualified-shippers', body: { signature } },
      { user: qp, path: '/api/qualified-shippers/product/LN2-DRYSHIPPER-07/withdraw', body: {} },
      { user: operator, path: '/api/key-materials/IL2-RH/lots', body: {} },
    ];
    for (const { user, path, body } of attempts) {
      const res = await api.request<Refusal>('POST', path, { body, token: user.token });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'PER-01',
      });
    }

    // Trained for lot decisions only, the same person gets past the matrix to the rules.
    const trained = await api.as<TrainingRecord>(
      'admin',
      'POST',
      `/api/admin/users/${qp.username}/training-records`,
      { body: { operation: 'decideKeyMaterialLot', validFrom: today(-1), validUntil: today(30) } },
    );
    expect(trained.status).toBe(201);
    const release = await api.request<Refusal>('POST', '/api/key-material-lots/LOT-NONE/release', {
      body: { signature },
      token: qp.token,
    });
    expect(release.status).toBe(404);
    const publish = await api.request<Refusal>(
      'POST',
      '/api/product-specifications/CART-CD19/versions',
      { body: { signature }, token: qp.token },
    );
    expect(publish.body.code).toBe('PER-01');
  });

  it('PER-01 refuses a training record for a step of another role, naming the field', async () => {
    const operator = await activeUser('operator');
    const res = await api.as<Refusal>(
      'admin',
      'POST',
      `/api/admin/users/${operator.username}/training-records`,
      { body: { operation: 'recordInfusion', validFrom: today(), validUntil: today(30) } },
    );
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['operation']);
  });

  it('CSV-03 refuses the admin routes to every other role with 403, and creates nothing', async () => {
    const username = `never-${unique()}`;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const list = await api.as<Refusal>(role, 'GET', '/api/admin/users');
      const create = await createUser(
        {
          username,
          displayName: 'Never',
          role: 'operator',
          temporaryPassword: strongPassword(),
        },
        role,
      );
      expect({ role, list: list.status, create: create.status, code: create.body.code }).toEqual({
        role,
        list: 403,
        create: 403,
        code: 'FORBIDDEN_ROLE',
      });
    }
    expect((await api.as('admin', 'GET', `/api/admin/users/${username}`)).status).toBe(404);
  });

  it('CSV-03 refuses an account with a weak password or a wrong institution with 400 naming the field, and writes nothing', async () => {
    const username = `refused-${unique()}`;
    const base = { username, displayName: 'Refused', role: 'hospital', institutionId: 'INST-001' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, temporaryPassword: 'change-me-now' }, 'temporaryPassword'],
      [{ ...base, temporaryPassword: `${username}-tundra-41` }, 'temporaryPassword'],
      [{ ...base, institutionId: undefined, temporaryPassword: strongPassword() }, 'institutionId'],
      [{ ...base, role: 'operator', temporaryPassword: strongPassword() }, 'institutionId'],
      [
        { ...base, institutionId: 'INST-NOT-REGISTERED', temporaryPassword: strongPassword() },
        'institutionId',
      ],
      [
        {
          ...base,
          role: 'superuser',
          institutionId: undefined,
          temporaryPassword: strongPassword(),
        },
        'role',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await createUser(body);
      expect({ field, status: res.status, fields: fields(res.body) }).toMatchObject({
        field,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    expect((await api.as('admin', 'GET', `/api/admin/users/${username}`)).status).toBe(404);
    const list = await api.as<Account[]>('admin', 'GET', '/api/admin/users');
    expect(list.body.map((a) => a.username)).not.toContain(username);
    const audit = await api.as<unknown[]>(
      'ops',
      'GET',
      `/api/audit/records/user-account/${username}`,
    );
    expect(audit.body).toEqual([]);

    const taken = await createUser({
      ...base,
      username: 'qa-qp',
      temporaryPassword: strongPassword(),
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USER_ALREADY_EXISTS');
  });

  it('CSV-03 a disabled account cannot log in and its session ends; an admin cannot disable itself', async () => {
    const user = await activeUser('qc');
    const disable = await api.as<Account>(
      'admin',
      'POST',
      `/api/admin/users/${user.username}/disable`,
      {
        body: { reason: 'left the company' },
      },
    );
    expect(disable.status).toBe(200);
    expect(disable.body.status).toBe('disabled');
    expect((await api.request('GET', '/api/journeys', { token: user.token })).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(401);

    const enable = await api.as<Account>(
      'admin',
      'POST',
      `/api/admin/users/${user.username}/enable`,
      {
        body: { reason: 'rehired' },
      },
    );
    expect(enable.body.status).toBe('active');
    expect((await login(user.username, user.password)).status).toBe(200);

    const self = await api.as<Refusal>('admin', 'POST', '/api/admin/users/admin/disable', {
      body: { reason: 'oops' },
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_ADMINISTRATION');
    expect((await api.as('admin', 'GET', '/api/admin/users')).status).toBe(200);
  });

  it("CSV-03 a role change ends the account's sessions and the new role applies at the next login", async () => {
    const user = await activeUser('qc');
    const changed = await api.as<Account>(
      'admin',
      'POST',
      `/api/admin/users/${user.username}/role`,
      {
        body: { role: 'hospital', institutionId: 'INST-002', reason: 'moved to the hospital team' },
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'hospital', institutionId: 'INST-002' });
    expect((await api.request('GET', '/api/journeys', { token: user.token })).status).toBe(401);
    const token = (await login(user.username, user.password)).body.accessToken;
    const institutions = await api.request<Array<{ id: string }>>('GET', '/api/institutions', {
      token,
    });
    expect(institutions.body.map((i) => i.id)).toEqual(['INST-002']);
  });
});
