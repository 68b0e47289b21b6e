import { parseYahooChart, yahooChartUrl } from './yahoo-chart';

describe('parseYahooChart', () => {
  it('turns chart JSON into Yahoo CSV lines in the exchange time zone, dropping bars without a close', () => {
    const json = JSON.stringify({
      chart: {
        result: [
          {
            meta: { gmtoffset: -14400 },
            timestamp: [1726493400, 1726579800, 1726666200],
            events: { dividends: { '1726579800': { amount: 0.5 } } },
            indicators: { quote: [{ open: [1, 2, 3], high: [1, 2, 3], low: [1, 2, 3], close: [1.5, null, 3.5], volume: [10, 20, 30] }], adjclose: [{ adjclose: [1.4, null, 3.4] }] },
          },
        ],
        error: null,
      },
    });
    expect(parseYahooChart(json, 'SPY')).toEqual({ lines: ['2024-09-16,1,1,1,1.5,1.4,10', '2024-09-18,3,3,3,3.5,3.4,30'], hasCorporateActions: true });
  });

  it('names the symbol and what was expected when the reply is not chart JSON', () => {
    expect(() => parseYahooChart('<html>blocked</html>', '^RUT')).toThrow('Yahoo ^RUT: expected chart JSON, got an HTML page');
    expect(() => parseYahooChart('{"chart":{"result":null,"error":{"description":"No data found"}}}', '^RUT')).toThrow('Yahoo ^RUT: Yahoo reported an error: "No data found"');
    expect(() => parseYahooChart('{"chart":{"result":[{"timestamp":[]}]}}', '^RUT')).toThrow(/missing/);
  });

  it('builds the chart URL', () => {
    expect(yahooChartUrl('https://h', '^VIX', 0, 10)).toBe('https://h/v8/finance/chart/%5EVIX?period1=0&period2=10&interval=1d&events=div%2Csplit');
  });
});
