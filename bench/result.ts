/** One line of `npm run bench`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}
