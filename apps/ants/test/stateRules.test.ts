import { AGENT_DECISIONS } from '@permis/ants-api';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/applications/machine.ts';

describe("the contract's lists of actions", () => {
  it("name the agents' decisions as the state machine lets agents take them", () => {
    const byAgents = Object.entries(RULES)
      .filter(([, rule]) => (rule.by as readonly string[]).includes('agent'))
      .map(([action]) => action);
    expect([...AGENT_DECISIONS].sort()).toEqual(byAgents.sort());
  });
});
