using System.Globalization;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// A city's long-term care scheme: its dated parameters and the composition of rule types that answers
/// the five questions. The checks every city shares (scheme in force, scheme area, instrument and
/// threshold, benefit start) live here; each city supplies who is insured, who pays what, and how a
/// service mode is paid.
/// </summary>
public abstract class CityScheme
{
    public abstract string Tenant { get; }

    /// <summary>Chinese name of the scheme's document.</summary>
    public abstract string Title { get; }

    /// <summary>Defaults from the document, each with its clause; tenants override them by name.</summary>
    public abstract IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>Who is insured, under which scheme, on <paramref name="date"/>.</summary>
    public EligibilityResult Eligibility(EligibilityInput input, PolicyContext context, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var start = context.Param(CommonParameters.SchemeStart, date);
        var inForce = date >= start.Date;
        context.Record(RuleNames.SchemeInForce, start.Clause, [start], Inputs(("date", date)), Inputs(("inForce", inForce)));
        if (!inForce)
        {
            return new EligibilityResult(false, null, "scheme_not_in_force");
        }

        var area = context.Param(CommonParameters.SchemeAreaCodes, date);
        var inArea = InArea(input.Person.RegionCode, area.Texts);
        context.Record(RuleNames.SchemeArea, area.Clause, [area], Inputs(("regionCode", input.Person.RegionCode)), Inputs(("inArea", inArea)));
        if (!inArea)
        {
            return new EligibilityResult(false, null, "outside_scheme_area");
        }

        return Enrol(input, context, date);
    }

    /// <summary>What each payer owes for the period.</summary>
    public ContributionResult Contribution(ContributionInput input, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var start = context.Param(CommonParameters.SchemeStart, input.Period.Start);
        if (input.Period.End < start.Date)
        {
            throw BeforeStart($"缴费期 {input.Period}", start);
        }

        var date = input.Period.Start < start.Date ? start.Date : input.Period.Start;
        if (Declares(CommonParameters.CollectionStart))
        {
            // YL 五: collection starts on a date the city announces later; until it is set nothing is billed
            var collection = context.Param(CommonParameters.CollectionStart, date);
            context.Record(RuleNames.PaymentStart, collection.Clause, [collection], Inputs(("period", input.Period.ToString())), Inputs(("collectionStart", collection.Date)));
            if (input.Period.End < collection.Date)
            {
                throw new PolicyException(ErrorCodes.BeforeCollectionStart, $"缴费期 {input.Period} 早于保费征收起始日期 {collection.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（依据 {collection.Clause}）");
            }

            date = Later(date, collection.Date);
        }

        var eligibility = Eligibility(new EligibilityInput(input.Person, input.FlexibleChoice, input.GuardianInsured), context, date);
        if (!eligibility.Eligible || eligibility.Scheme is null)
        {
            throw new PolicyException(ErrorCodes.NotInsured, $"该人员不在 {Title} 参保范围内（{eligibility.Reason}），无须缴费");
        }

        var lines = Contribute(input, eligibility.Scheme, context, date)
            .Where(l => l.Amount != 0)
            .GroupBy(l => l.Payer)
            .Select(g => new ContributionLine(g.Key, g.Sum(l => l.Amount)))
            .ToList();
        var individual = lines.Where(l => l.Payer == Payers.Individual).Sum(l => l.Amount);
        return new ContributionResult(PeriodLabel(input.Period), lines.Sum(l => l.Amount), lines, individual);
    }

    /// <summary>Scores an assessment and applies the tenant's benefit threshold.</summary>
    public AssessmentResult Assessment(AssessmentInput input, PolicyContext context, InstrumentCatalog instruments)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(context);
        var table = instruments.For(Tenant, input.Instrument);
        var configured = context.Param(CommonParameters.AssessmentInstrument, context.AsOf);
        var accepted = table.Id == configured.Text;
        context.Record(RuleNames.AssessmentInstrument, configured.Clause, [configured], Inputs(("instrument", input.Instrument)), Inputs(("accepted", accepted)));
        if (!accepted)
        {
            throw new PolicyException(
                ErrorCodes.InstrumentNotAllowed,
                $"{Title} 只接受 {configured.Text} 量表的失能评估（依据 {configured.Clause}），本次评估使用 {input.Instrument}，不予受理");
        }

        return AssessWith(table, input, context, (name, date) => context.Param(name, date));
    }

    /// <summary>Scores an assessment; threshold parameters come from <paramref name="resolve"/> (null: built-in defaults).</summary>
    public static AssessmentResult AssessWith(AssessmentInstrument instrument, AssessmentInput input, PolicyContext context, Func<string, DateOnly, ResolvedParameter>? resolve)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var score = instrument.Score(input.Items);
        context.Record(
            RuleNames.AssessmentScoring,
            instrument.Source,
            [],
            new Dictionary<string, object?> { ["instrument"] = instrument.Id, ["version"] = instrument.Version, ["items"] = input.Items },
            new Dictionary<string, object?> { ["totals"] = score.Totals, ["grades"] = score.Grades, ["level"] = score.Level });

        bool eligible;
        ResolvedParameter? threshold = null;
        if (score.Level is { } level)
        {
            threshold = resolve?.Invoke(CommonParameters.National2021MinimumLevel, context.AsOf);
            eligible = level >= (threshold?.Number ?? 3m);
        }
        else
        {
            threshold = resolve?.Invoke(CommonParameters.BarthelBenefitBands, context.AsOf);
            var bands = threshold?.Texts ?? ["severe"];
            eligible = score.Grades.Values.All(bands.Contains);
        }

        context.Record(
            RuleNames.BenefitThreshold,
            threshold?.Clause ?? "默认门槛（重度）",
            threshold is null ? [] : [threshold],
            new Dictionary<string, object?> { ["level"] = score.Level, ["grades"] = score.Grades },
            new Dictionary<string, object?> { ["eligibleForBenefit"] = eligible });
        return new AssessmentResult(instrument.Id, score.Totals, score.Grades, score.Level, score.LevelLabel, eligible);
    }

    /// <summary>The first day benefits may be paid after an assessment conclusion.</summary>
    public EntitlementResult Entitlement(EntitlementInput input, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var date = input.ConclusionDate;
        var start = context.Param(CommonParameters.SchemeStart, date);
        var rule = context.Param(CommonParameters.BenefitStartRule, date);
        var publicityNext = input.PublicityEnds?.AddDays(1);
        DateOnly from = rule.Text switch
        {
            CommonParameters.StartDayAfterConclusion => input.ConclusionDate.AddDays(1),
            CommonParameters.StartDayAfterPublicity => publicityNext ?? throw Required("publicityEnds", rule),
            CommonParameters.StartWhenServiceStartsAfterPublicity => Later(
                input.ServiceStart ?? throw Required("serviceStart", rule),
                publicityNext ?? input.ConclusionDate.AddDays(1)),
            _ => throw new PolicyException(ErrorCodes.InvalidInput, $"未知的待遇起始规则 {rule.Text}（参数 {rule.Name}）"),
        };
        from = Later(from, start.Date);
        if (Declares(CommonParameters.BenefitPaymentStart))
        {
            // YL 五: benefits are paid from a date the city announces later
            var payment = context.Param(CommonParameters.BenefitPaymentStart, date);
            context.Record(RuleNames.PaymentStart, payment.Clause, [payment], Inputs(("benefitStart", from)), Inputs(("benefitPaymentStart", payment.Date)));
            from = Later(from, payment.Date);
        }

        CheckLastingDisability(input, context);
        context.Record(
            RuleNames.BenefitStart,
            rule.Clause,
            [rule, start],
            new Dictionary<string, object?>
            {
                ["conclusionDate"] = input.ConclusionDate,
                ["publicityEnds"] = input.PublicityEnds,
                ["serviceStart"] = input.ServiceStart,
            },
            new Dictionary<string, object?> { ["benefitStart"] = from });

        var waitingUntil = WaitingPeriodUntil(input, context, start.Date);
        if (waitingUntil is { } last)
        {
            from = Later(from, last.AddDays(1));
        }

        return new EntitlementResult(from, waitingUntil);
    }

    /// <summary>Fund and personal amounts of one beneficiary's month at one provider.</summary>
    public SettlementResult Settlement(SettlementInput input, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var date = input.Month.FirstDay;
        CheckSettlementMonth(input.Month, context);
        CheckSettlementLines(input);
        var plan = Plan(input, context, date);
        return MonthlySettlement.Settle(input, plan, context);
    }

    /// <summary>The month is one the scheme pays (in force, and past the payment start where the city has one).</summary>
    internal void CheckSettlementMonth(Month month, PolicyContext context)
    {
        var date = month.FirstDay;
        var start = context.Param(CommonParameters.SchemeStart, date);
        if (month.LastDay < start.Date)
        {
            throw BeforeStart($"结算月份 {month}", start);
        }

        if (Declares(CommonParameters.BenefitPaymentStart))
        {
            var payment = context.Param(CommonParameters.BenefitPaymentStart, date);
            context.Record(RuleNames.PaymentStart, payment.Clause, [payment], Inputs(("month", month.ToString())), Inputs(("benefitPaymentStart", payment.Date)));
            if (month.LastDay < payment.Date)
            {
                throw new PolicyException(ErrorCodes.BeforePaymentStart, $"结算月份 {month} 早于待遇支付起始日期 {payment.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（依据 {payment.Clause}）");
            }
        }
    }

    /// <summary>Every line falls in the month and has no negative amount.</summary>
    internal static void CheckSettlementLines(SettlementInput input)
    {
        var lines = input.Lines;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (!input.Month.Contains(line.Date))
            {
                throw new PolicyException(ErrorCodes.LineOutsideMonth, $"第 {index} 条明细日期 {line.Date:yyyy-MM-dd} 不在结算月份 {input.Month} 内");
            }

            if (line.Amount < 0)
            {
                throw new PolicyException(ErrorCodes.InvalidInput, $"第 {index} 条明细金额不能为负数");
            }
        }
    }

    /// <summary>How <paramref name="input"/>'s service mode is paid (the city's <see cref="Plan"/>), for a prepared session.</summary>
    internal SettlementPlan PlanSettlement(SettlementInput input, PolicyContext context) => Plan(input, context, input.Month.FirstDay);

    /// <summary>
    /// Where the city declares a minimum duration of disability, a conclusion reached before the
    /// condition has lasted that long cannot open benefits (checked only when the onset is given).
    /// </summary>
    private void CheckLastingDisability(EntitlementInput input, PolicyContext context)
    {
        if (input.DisabledSince is not { } since || !Declares(CommonParameters.MinimumDisabilityMonths))
        {
            return;
        }

        var months = context.Param(CommonParameters.MinimumDisabilityMonths, input.ConclusionDate);
        var lastedEnough = since.AddMonths((int)months.Number) <= input.ConclusionDate;
        context.Record(
            RuleNames.LastingDisability,
            months.Clause,
            [months],
            new Dictionary<string, object?> { ["disabledSince"] = since, ["conclusionDate"] = input.ConclusionDate },
            new Dictionary<string, object?> { ["lastedEnough"] = lastedEnough });
        if (!lastedEnough)
        {
            throw new PolicyException(
                ErrorCodes.DisabilityNotLasting,
                $"失能自 {since:yyyy-MM-dd} 起至评估结论 {input.ConclusionDate:yyyy-MM-dd} 未满 {months.Number:0} 个月（依据 {months.Clause}）");
        }
    }

    /// <summary>Whether this city declares the parameter (some rules exist only where a document names them).</summary>
    protected bool Declares(string name) => (_declaredNames ??= [.. Parameters.Select(p => p.Name)]).Contains(name);

    private HashSet<string>? _declaredNames;

    /// <summary>City rule: is the person (already in the scheme area) insured, and under which scheme.</summary>
    protected abstract EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date);

    /// <summary>City rule: contribution lines (net individual line, subsidies, other payers).</summary>
    protected abstract IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date);

    /// <summary>City rule: how the requested service mode is paid this month.</summary>
    protected abstract SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date);

    /// <summary>City rule: the last day of a waiting period, when the city has one.</summary>
    protected virtual DateOnly? WaitingPeriodUntil(EntitlementInput input, PolicyContext context, DateOnly schemeStart) => null;

    /// <summary>How a yearly-funded city labels the period of a contribution.</summary>
    protected virtual string PeriodLabel(ContributionPeriod period) => period.ToString();

    /// <summary>The screening parameters every mode uses.</summary>
    protected LineScreeningTerms Screening(PolicyContext context, ServiceMode mode, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(context);
        // the window itself comes with the beneficiary; its basis is the clause of the city's benefit-start rule
        var basis = Parameters.FirstOrDefault(p => p.Name == CommonParameters.BenefitStartRule)?.Clause ?? Title;
        return new LineScreeningTerms(
            basis,
            context.ParamOrNull(CommonParameters.SuspendDuringHospitalStay, date),
            context.Param(CommonParameters.CoveredCategories(mode), date),
            Parameters.FirstOrDefault(p => p.Name == CommonParameters.SuspendDuringHospitalStay)?.Clause);
    }

    /// <summary>
    /// A month paid as a ratio of the covered charges up to a monthly limit, both per service mode (ZJ and SS name
    /// this way of paying but leave its figures to local rules). The city supplies its modes, clauses and parameter names.
    /// </summary>
    protected SettlementPlan RatioWithLimitPlan(SettlementInput input, PolicyContext context, DateOnly date,
        IReadOnlyList<ServiceMode> modes, string modesClause, string paymentClause,
        Func<ServiceMode, string> fundRatio, Func<ServiceMode, string> monthlyLimit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (!modes.Contains(input.ServiceMode))
        {
            throw ModeNotOffered(input.ServiceMode, modesClause);
        }

        var payment = new RatioPayment(
            paymentClause,
            context.Param(fundRatio(input.ServiceMode), date),
            context.Param(monthlyLimit(input.ServiceMode), date));
        return new SettlementPlan(Screening(context, input.ServiceMode, date), payment, null);
    }

    protected PolicyException ModeNotOffered(ServiceMode mode, string clause) =>
        new(ErrorCodes.ServiceModeNotOffered, $"{Title} 未设 {mode.ChineseName()}（{mode.Code()}）服务方式（依据 {clause}）");

    protected static IReadOnlyDictionary<string, object?> Inputs(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    protected static EligibilityResult Decide(PolicyContext context, string clause, bool eligible, string? scheme, string reason, params (string Key, object? Value)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Record(RuleNames.InsuredPopulation, clause, [], Inputs(inputs), Inputs(("eligible", eligible), ("scheme", scheme), ("reason", reason)));
        return new EligibilityResult(eligible, eligible ? scheme : null, reason);
    }

    protected static bool InArea(string regionCode, IReadOnlyList<string> prefixes) =>
        regionCode.Length == 6 && regionCode.All(char.IsAsciiDigit) && prefixes.Any(p => regionCode.StartsWith(p, StringComparison.Ordinal));

    protected static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static PolicyException BeforeStart(string what, ResolvedParameter start) =>
        new(ErrorCodes.BeforeSchemeStart, $"{what} 早于制度施行日期 {start.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（依据 {start.Clause}）");

    private static PolicyException Required(string field, ResolvedParameter rule) =>
        new(ErrorCodes.InvalidInput, $"待遇起始规则 {rule.Text}（依据 {rule.Clause}）需要输入 {field}");
}
