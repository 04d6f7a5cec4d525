using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>A dated stretch of the register (an enrollment, a person category) does not end before it starts.</summary>
public sealed class EndNotBeforeStart : IBusinessRule
{
    private readonly DateOnly _start;
    private readonly DateOnly? _end;

    private EndNotBeforeStart(DateOnly start, DateOnly? end, string message)
    {
        _start = start;
        _end = end;
        Message = message;
    }

    public string Code => "invalid_date";

    public string Clause => RegisterClauses.Register;

    public string Message { get; }

    public bool IsBroken() => _end is { } end && end < _start;

    /// <summary>停保: the last insured day is not before the first.</summary>
    public static EndNotBeforeStart ForEnrollment(DateOnly start, DateOnly lastDay) =>
        new(start, lastDay, $"停保日期 {lastDay:yyyy-MM-dd} 早于参保日期 {start:yyyy-MM-dd}");

    /// <summary>A person category's end date (when it has one) is not before its start date.</summary>
    public static EndNotBeforeStart ForStatus(DateOnly from, DateOnly? to) =>
        new(from, to, "人员类别的截止日期早于起始日期");
}
