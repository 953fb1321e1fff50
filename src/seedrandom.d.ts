declare module 'seedrandom/lib/tychei.js' {
  interface TycheiPrng {
    (): number;
    double(): number;
    int32(): number;
    state(): object;
  }
  function tychei(seed?: string, options?: { state?: boolean | object }): TycheiPrng;
  export default tychei;
}
