namespace LtcInsurance.Domain.Common;

/// <summary>
/// One business rule, named: a stable code (for logs, tests and API problem types), the clause of the document or
/// national rule it comes from, and the Chinese message a clerk can read out when it is broken.
/// Aggregates check their rules in their intention-revealing methods (<see cref="BusinessRule.Check"/>).
/// </summary>
public interface IBusinessRule
{
    string Code { get; }

    string Clause { get; }

    string Message { get; }

    bool IsBroken();
}

/// <summary>A business rule was broken; nothing was changed. <see cref="Rule"/> says which and why.</summary>
public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule?.Message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        Code = rule.Code;
        Clause = rule.Clause;
    }

    public BusinessRuleViolationException()
        : base("违反业务规则")
    {
        Code = "business_rule";
        Clause = "";
    }

    public BusinessRuleViolationException(string message)
        : base(message)
    {
        Code = "business_rule";
        Clause = "";
    }

    public BusinessRuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "business_rule";
        Clause = "";
    }

    public IBusinessRule? Rule { get; }

    public string Code { get; }

    public string Clause { get; }
}

public static class BusinessRule
{
    /// <summary>Throws <see cref="BusinessRuleViolationException"/> when <paramref name="rule"/> is broken.</summary>
    public static void Check(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
            throw new BusinessRuleViolationException(rule);
    }
}
