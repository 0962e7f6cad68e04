/** Loads the o200k_base rank table from the compact file next to the bundle and exits: the tokenizer's share of a cold start. */
import { loadRankTable } from '../../src/core/tokens/loadRankTable';

loadRankTable('o200k_base');
