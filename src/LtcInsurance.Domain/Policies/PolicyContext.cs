using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies;

/// <summary>The state of one evaluation: its parameters, the date asked, and the trace being written.</summary>
public sealed class PolicyContext(ParameterScope parameters, DateOnly asOf)
{
    private readonly List<TraceStep> _trace = [];

    public ParameterScope Parameters => parameters;

    public DateOnly AsOf => asOf;

    public IReadOnlyList<TraceStep> Trace => _trace;

    public ResolvedParameter Param(string name, DateOnly date) => parameters.Get(name, date);

    /// <summary>
    /// The parameter's value on <paramref name="date"/>, or null when it is declared without one (the document leaves it
    /// to a later decision). For rules where an unset figure means "not yet" rather than "cannot compute".
    /// </summary>
    public ResolvedParameter? ParamOrNull(string name, DateOnly date)
    {
        try
        {
            return parameters.Get(name, date);
        }
        catch (PolicyException e) when (e.Code == ErrorCodes.ParameterMissing)
        {
            return null;
        }
    }

    public void Record(TraceStep step) => _trace.Add(step);

    internal void Record(
        string rule,
        string clause,
        IEnumerable<ResolvedParameter> parameterValues,
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyDictionary<string, object?> result) =>
        _trace.Add(RuleNames.Step(rule, clause, parameterValues, inputs, result));
}
