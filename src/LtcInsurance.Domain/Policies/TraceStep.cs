using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// One applied rule of a calculation: which rule, under which clause, with which parameter values and
/// inputs, and what it produced. Clerks read <see cref="Description"/> as "why this amount".
/// </summary>
public sealed record TraceStep(
    string Rule,
    string Clause,
    string Description,
    IReadOnlyList<ResolvedParameter> Parameters,
    IReadOnlyDictionary<string, object?> Inputs,
    IReadOnlyDictionary<string, object?> Result);
