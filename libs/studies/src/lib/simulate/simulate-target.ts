/**
 * A target such as `small:+20%`: the probability that the leg's horizon return (a decimal; for
 * `spread`, small minus large) is at least `level`. `text` is the target as the user wrote it.
 */
export interface SimulateTarget {
  readonly leg: 'small' | 'large' | 'spread';
  readonly level: number;
  readonly text: string;
}
