using System.Globalization;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Entitlement;

/// <summary>
/// Publicity (公示) of a conclusion and objections to it (医保发〔2023〕29号 as reported: 提出结论 → 公示与送达; an
/// objection during the publicity leads to 复评 by other assessors, the first agency and staff recused, and the 复评
/// conclusion is final). The period's length and how its days are counted are tenant parameters: none of the five
/// documents fixes them.
/// </summary>
public static class Publicity
{
    /// <summary>
    /// The period starting on <paramref name="start"/> (the day the conclusion is posted), lasting <paramref name="days"/>
    /// calendar days, or that many working days from the first working day on or after the start.
    /// </summary>
    public static (PublicityPeriod Period, TraceStep Step) Apply(
        string clause, DateOnly start, ResolvedParameter days, ResolvedParameter counting, Func<DateOnly, bool>? isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(counting);
        var length = (int)days.Number;
        if (length < 1 || length > 366)
        {
            throw new PolicyException(ErrorCodes.InvalidInput, $"参数 {days.Name} 为 {length}，公示期须为 1 至 366 天（依据 {days.Clause}）");
        }

        DateOnly first, last;
        if (counting.Text == EntitlementParameters.CalendarDays)
        {
            first = start;
            last = start.AddDays(length - 1);
        }
        else if (counting.Text == EntitlementParameters.WorkingDays)
        {
            var working = isWorkingDay ?? throw new PolicyException(
                ErrorCodes.InvalidInput, $"公示期按工作日计算（参数 {counting.Name}，依据 {counting.Clause}），须提供工作日历");
            first = NextWorkingDay(start, working);
            last = first;
            for (var counted = 1; counted < length;)
            {
                last = NextWorkingDay(last.AddDays(1), working);
                counted++;
            }
        }
        else
        {
            throw new PolicyException(ErrorCodes.InvalidInput, $"未知的公示期计算方式 {counting.Text}（参数 {counting.Name}，可用：{string.Join("、", EntitlementParameters.DayCountings)}）");
        }

        var period = new PublicityPeriod(first, last, length, counting.Text);
        var step = RuleNames.Step(
            RuleNames.Publicity,
            clause,
            [days, counting],
            new Dictionary<string, object?> { ["start"] = start },
            new Dictionary<string, object?> { ["first"] = first, ["last"] = last });
        return (period, step);
    }

    /// <summary>
    /// Whether an objection lodged on <paramref name="lodged"/> is accepted: only during the publicity, and never against a
    /// 复评 conclusion (final). An accepted objection leads to 复评 with the first agency and its staff recused.
    /// </summary>
    public static (RuleDecision Decision, TraceStep Step) Objection(string clause, PublicityPeriod publicity, ConclusionKind kind, DateOnly lodged)
    {
        ArgumentNullException.ThrowIfNull(publicity);
        var span = $"{Day(publicity.First)} 至 {Day(publicity.Last)}";
        RuleDecision decision = kind switch
        {
            ConclusionKind.Review => new(false, EntitlementCodes.ReviewConclusionFinal, clause,
                $"该结论为复评结论，复评结论为最终结论，不再受理异议（依据 {clause}）"),
            _ when !publicity.Contains(lodged) => new(false, EntitlementCodes.ObjectionOutsidePublicity, clause,
                $"异议须在公示期内（{span}）提出，{Day(lodged)} 不在公示期内，不予受理（依据 {clause}）"),
            _ => new(true, EntitlementCodes.ReviewRequired, clause,
                $"异议已在公示期内（{span}）提出，由其他评估机构及人员复评（原评估机构及人员回避），复评结论为最终结论（依据 {clause}）"),
        };
        var step = RuleNames.Step(
            RuleNames.Objection,
            clause,
            [],
            new Dictionary<string, object?>
            {
                ["conclusionKind"] = kind.ToString(), ["publicityFirst"] = publicity.First, ["publicityLast"] = publicity.Last, ["lodged"] = lodged,
            },
            new Dictionary<string, object?> { ["allowed"] = decision.Allowed, ["outcome"] = decision.Refusal });
        return (decision, step);
    }

    private static DateOnly NextWorkingDay(DateOnly day, Func<DateOnly, bool> isWorkingDay)
    {
        for (var i = 0; i < 3660; i++, day = day.AddDays(1))
        {
            if (isWorkingDay(day))
            {
                return day;
            }
        }

        throw new PolicyException(ErrorCodes.InvalidInput, "工作日历十年内没有工作日");
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
