import { describe, it, expect } from 'vitest';
import { compileExpr, exprRange, type Bounds, type CompiledExpr, type ExprRefs } from './index.js';

const ids = (...names: string[]): Map<string, number> => new Map(names.map((n, i) => [n, i]));
const refs: ExprRefs = {
  indicators: ids('nk_economy', 'debt', 'wide', 'broken'),
  actors: ids('nk', 'us'),
  flows: ids('trade'),
  flags: ids('summit'),
  situations: ids('crisis'),
  events: ids('congress'),
  actions: ids('talks'),
};
const indicatorBounds: Array<[number, number]> = [
  [0, 100],
  [-50, -10],
  [-1e20, 1e20],
  [NaN, 5],
];
const bounds: Bounds = {
  indicator: (i) => indicatorBounds[i] ?? [0, 0],
  stance: () => [-100, 100],
  leverage: () => [-1, 1],
  flow: () => [0, 20],
  flag: () => [1, 0],
  maxTurn: () => 12,
};

function compiled(src: string): CompiledExpr {
  const r = compileExpr(src, refs);
  if (!r.ok) throw new Error(`${src}: ${JSON.stringify(r.errors)}`);
  return r.expr;
}
const range = (src: string): [number, number] => exprRange(compiled(src), bounds);

describe('exprRange', () => {
  it('gives a constant its own value', () => {
    expect(range('2 * 3 + 1')).toEqual([7, 7]);
  });

  it('uses the declared bounds of each kind of read', () => {
    expect(range('nk_economy')).toEqual([0, 100]);
    expect(range('stance(nk, us)')).toEqual([-100, 100]);
    expect(range('leverage(us, nk)')).toEqual([-1, 1]);
    expect(range('flow(trade)')).toEqual([0, 20]);
    expect(range('turn')).toEqual([0, 12]);
    expect(range('active(crisis)')).toEqual([0, 1]);
    expect(range('fired(congress)')).toEqual([0, 1e12]);
    expect(range('taken(talks)')).toEqual([0, 1e12]);
  });

  it('repairs unusable declared bounds soundly', () => {
    expect(range('flag(summit)')).toEqual([0, 1]);
    expect(range('broken')).toEqual([-1e12, 1e12]);
    expect(range('wide')).toEqual([-1e12, 1e12]);
  });

  it('propagates intervals through arithmetic', () => {
    expect(range('nk_economy + debt')).toEqual([-50, 90]);
    expect(range('nk_economy - debt')).toEqual([10, 150]);
    expect(range('-debt')).toEqual([10, 50]);
    expect(range('nk_economy * debt')).toEqual([-5000, 0]);
    expect(range('debt * debt')).toEqual([100, 2500]);
    expect(range('10 + leverage(nk, us) * 20')).toEqual([-10, 30]);
  });

  it('saturates arithmetic ranges like evaluation does', () => {
    expect(range('wide * wide')).toEqual([-1e12, 1e12]);
    expect(range('nk_economy * 100000000000')).toEqual([0, 1e12]);
  });

  it('handles division away from zero and through zero', () => {
    expect(range('nk_economy / debt')).toEqual([-10, 0]);
    expect(range('debt / 2')).toEqual([-25, -5]);
    expect(range('10 / nk_economy')).toEqual([0, 1e12]);
    expect(range('debt / nk_economy')).toEqual([-1e12, 0]);
    expect(range('1 / stance(nk, us)')).toEqual([-1e12, 1e12]);
    expect(range('0 * nk_economy / stance(nk, us)')).toEqual([0, 0]);
    expect(range('nk_economy / (turn - turn)')).toEqual([-1e12, 1e12]);
  });

  it('bounds min, max and clamp', () => {
    expect(range('min(nk_economy, 50)')).toEqual([0, 50]);
    expect(range('max(nk_economy, 50, debt)')).toEqual([50, 100]);
    expect(range('clamp(stance(nk, us), -20, 30)')).toEqual([-20, 30]);
    expect(range('clamp(10 + leverage(nk, us) * 20, 0, 30)')).toEqual([0, 30]);
    expect(range('clamp(nk_economy, debt, 5)')).toEqual([0, 5]);
  });

  it('bounds abs, round, floor and ceil', () => {
    expect(range('abs(debt)')).toEqual([10, 50]);
    expect(range('abs(stance(nk, us) / 2 + 10)')).toEqual([0, 60]);
    expect(range('abs(nk_economy)')).toEqual([0, 100]);
    expect(range('round(leverage(nk, us) * 2.5)')).toEqual([-2, 3]);
    expect(range('floor(leverage(nk, us) / 2)')).toEqual([-1, 0]);
    expect(range('ceil(leverage(nk, us) / 2)')).toEqual([0, 1]);
  });

  it('finds comparisons that can never be true', () => {
    expect(range('nk_economy > 200')).toEqual([0, 0]);
    expect(range('nk_economy < 0')).toEqual([0, 0]);
    expect(range('debt >= 0')).toEqual([0, 0]);
    expect(range('nk_economy == -1')).toEqual([0, 0]);
    expect(range('turn > 12')).toEqual([0, 0]);
  });

  it('finds comparisons that are always true and those that may go either way', () => {
    expect(range('nk_economy >= 0')).toEqual([1, 1]);
    expect(range('debt < nk_economy')).toEqual([1, 1]);
    expect(range('nk_economy != -1')).toEqual([1, 1]);
    expect(range('nk_economy <= 100')).toEqual([1, 1]);
    expect(range('nk_economy > 50')).toEqual([0, 1]);
    expect(range('nk_economy == 50')).toEqual([0, 1]);
    expect(range('nk_economy != 50')).toEqual([0, 1]);
  });

  it('combines truth values through and, or and not', () => {
    expect(range('nk_economy > 50 and nk_economy > 200')).toEqual([0, 0]);
    expect(range('nk_economy > 200 or nk_economy >= 0')).toEqual([1, 1]);
    expect(range('nk_economy > 50 or nk_economy > 200')).toEqual([0, 1]);
    expect(range('nk_economy >= 0 and debt < 0')).toEqual([1, 1]);
    expect(range('nk_economy > 200 or debt > 0')).toEqual([0, 0]);
    expect(range('not nk_economy > 200')).toEqual([1, 1]);
    expect(range('not debt')).toEqual([0, 0]);
    expect(range('not nk_economy')).toEqual([0, 1]);
  });

  it('follows a decided if and joins the branches of an undecided one', () => {
    expect(range('if(nk_economy >= 0, debt, 1000)')).toEqual([-50, -10]);
    expect(range('if(nk_economy > 200, debt, 1000)')).toEqual([1000, 1000]);
    expect(range('if(nk_economy > 50, debt, 1000)')).toEqual([-50, 1000]);
  });

  it('falls back soundly for an object that compileExpr did not make', () => {
    const copy = { ...compiled('nk_economy > 200') };
    expect(exprRange(copy, bounds)).toEqual([-1e12, 1e12]);
    expect(exprRange({ ...compiled('3'), constant: 3 }, bounds)).toEqual([3, 3]);
  });
});
