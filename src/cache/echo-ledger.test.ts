import { EchoLedger } from './echo-ledger';

describe('EchoLedger', () => {
  let now = 0;
  const ledger = () => new EchoLedger(10_000, () => now);

  beforeEach(() => {
    now = 1_000;
  });

  it('recognises the first event on a record after the write returned, once', () => {
    const echoes = ledger();
    echoes.expect('Account', ['a1'], ['phone']).arm();
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(true);
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
  });

  it('never vouches while the write is in flight: that event may be its own echo', () => {
    const echoes = ledger();
    const handle = echoes.expect('Account', ['a1'], ['phone']);
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
    handle.arm();
    // A later commit (someone else's) must not pass for the echo.
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
  });

  it('an event naming a field the write did not send is not an echo, and settles it', () => {
    const echoes = ledger();
    echoes.expect('Account', ['a1'], ['phone']).arm();
    expect(echoes.isEcho('Account', ['a1'], ['phone', 'name'])).toBe(false);
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
  });

  it('a cancelled write owes no echo; an expired one vouches no more', () => {
    const echoes = ledger();
    echoes.expect('Account', ['a1'], ['phone']).cancel();
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
    echoes.expect('Account', ['a2'], ['phone']).arm();
    now += 10_001;
    expect(echoes.isEcho('Account', ['a2'], ['phone'])).toBe(false);
  });

  it('an event on several records is an echo only if every record expected it', () => {
    const echoes = ledger();
    echoes.expect('Account', ['a1'], ['phone']).arm();
    expect(echoes.isEcho('Account', ['a1', 'a2'], ['phone'])).toBe(false);
    echoes.expect('Account', ['a1'], ['phone']).arm();
    echoes.expect('Account', ['a2'], ['phone']).arm();
    expect(echoes.isEcho('Account', ['a1', 'a2'], ['phone'])).toBe(true);
  });

  it('forgets everything when the change stream stopped', () => {
    const echoes = ledger();
    echoes.expect('Account', ['a1'], ['phone']).arm();
    echoes.clear();
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
  });

  it('any other event on the record settles it; a record-less one settles every record', () => {
    const echoes = ledger();
    echoes.expect('Account', ['a1'], ['phone']).arm();
    echoes.expect('Account', ['a2'], ['phone']).arm();
    echoes.expect('Account', ['a3'], ['phone']).arm();
    // The write's echo came as a GAP: the next real update is not an echo.
    echoes.settle('Account', ['a1']);
    expect(echoes.isEcho('Account', ['a1'], ['phone'])).toBe(false);
    expect(echoes.isEcho('Account', ['a2'], ['phone'])).toBe(true);
    // An overflow or a lost resume names no record: any may have changed unseen.
    echoes.settle('Account', []);
    expect(echoes.isEcho('Account', ['a3'], ['phone'])).toBe(false);
  });
});
