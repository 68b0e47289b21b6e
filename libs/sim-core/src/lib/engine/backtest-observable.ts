import { Observable } from 'rxjs';
import type { Strategy } from '../strategies/strategy';
import type { BacktestConfig, BacktestEvent } from './backtest-types';
import type { MarketData } from '../market/market-data';
import { runBacktest } from './run-backtest';

/**
 * A backtest as an rxjs Observable of its events (bar, decision, trade, rejected, progress),
 * emitted in order when subscribed; unsubscribing stops the run at the next row. Cold: each
 * subscription runs the backtest afresh with its own strategy state.
 */
export function backtest$(data: MarketData, strategy: Strategy, config: BacktestConfig): Observable<BacktestEvent> {
  return new Observable<BacktestEvent>((subscriber) => {
    try {
      runBacktest(data, strategy, config, (event) => {
        if (subscriber.closed) return false;
        subscriber.next(event);
        return !subscriber.closed;
      });
      subscriber.complete();
    } catch (e) {
      subscriber.error(e);
    }
  });
}
