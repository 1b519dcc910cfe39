import { InvalidArgumentError } from 'commander';

export function parseNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw new InvalidArgumentError('Give a number, such as 12 or 2.5.');
  return number;
}

export function oneOf<T extends string>(values: readonly T[]) {
  return function parseChoice(value: string): T {
    const found = values.find((candidate) => candidate === value);
    if (found === undefined) throw new InvalidArgumentError(`Choose one of ${values.join(', ')}.`);
    return found;
  };
}
