/** How every surface writes numbers: counts and shares (numbers.ts), energy/carbon/water (quantities.ts). */
export * from './numbers';
export * from './quantities';
export * from './confidence';
