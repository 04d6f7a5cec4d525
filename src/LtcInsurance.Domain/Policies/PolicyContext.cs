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

    public void Record(TraceStep step) => _trace.Add(step);

    internal void Record(
        string rule,
        string clause,
        IEnumerable<ResolvedParameter> parameterValues,
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyDictionary<string, object?> result) =>
        _trace.Add(RuleNames.Step(rule, clause, parameterValues, inputs, result));
}
