import { deriveFedTargetCsv } from './fed-target-csv';

describe('deriveFedTargetCsv', () => {
  it('fills every calendar day, point target first, then the range; holidays carry forward', () => {
    const csv = deriveFedTargetCsv(
      'observation_date,DFEDTAR\n2008-12-14,1.00\n2008-12-15,1.00\n',
      'observation_date,DFEDTARL\n2008-12-16,0.00\n2008-12-17,.\n2008-12-18,0.00\n',
      'observation_date,DFEDTARU\n2008-12-16,0.25\n2008-12-18,0.25\n',
    );
    expect(csv.trim().split('\n')).toEqual([
      'date,target_lower_pct,target_upper_pct,target_mid_pct',
      '2008-12-14,1.0000,1.0000,1.0000',
      '2008-12-15,1.0000,1.0000,1.0000',
      '2008-12-16,0.0000,0.2500,0.1250',
      '2008-12-17,0.0000,0.2500,0.1250',
      '2008-12-18,0.0000,0.2500,0.1250',
    ]);
  });

  it('gives a header-only file for empty inputs', () => {
    expect(deriveFedTargetCsv('', '', '')).toBe('date,target_lower_pct,target_upper_pct,target_mid_pct\n');
  });
});
