import type {RuleId} from '../../pipeline/rules/index.js'
export function ruleExamples(): Map<RuleId, {message: string; fixture: string}>
