using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;
using P = LtcInsurance.Domain.Policies.Yulin.YulinParameters;

namespace LtcInsurance.Domain.Policies.Yulin;

/// <summary>玉林市长期护理保险: employee scheme from 2027, resident scheme figures to follow.</summary>
public sealed class YulinScheme : CityScheme
{
    public override string Tenant => Tenants.TenantIds.Yulin;

    public override string Title => "玉林市长期护理保险（实施方案征求意见稿）";

    public override IReadOnlyList<ParameterDefinition> Parameters => P.All;

    protected override EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date)
    {
        var person = input.Person;
        var facts = new (string, object?)[]
        {
            ("medicalInsurance", person.MedicalInsurance.Code()),
            ("employment", person.Employment.Code()),
            ("statuses", person.Statuses.ToList()),
            ("flexibleChoice", input.FlexibleChoice),
        };

        // YL 二(一): no double benefit with the work-injury life-care allowance
        if (person.Has(PersonStatus.WorkInjuryCareAllowance))
        {
            return Decide(context, "YL 二(一)", false, null, "work_injury_care_allowance", facts);
        }

        // YL 二(三)6: minors not employed are deemed insured under the resident policy through a parent or guardian;
        // orphans who cannot follow one are deemed insured. Both are the resident scheme, which is not live yet.
        if (IsMinor(person, context, date))
        {
            if (person.Has(PersonStatus.Orphan))
            {
                return ResidentScheme(context, date, "YL 二(三)6", "orphan_deemed_insured", facts);
            }

            if (person.MedicalInsurance == MedicalInsuranceScheme.None)
            {
                return Decide(context, "YL 二(三)6", false, null, "no_medical_insurance", facts);
            }

            // while the resident scheme has not started nobody is deemed insured under it: no need to ask about the guardian
            if (!ResidentSchemeLive(context, date))
            {
                return ResidentScheme(context, date, "YL 二(三)6", "minor_deemed_insured", facts);
            }

            var guardianInsured = input.GuardianInsured
                ?? throw new PolicyException(ErrorCodes.InvalidInput, "未满18周岁的未就业人员须填写 guardianInsured（其父母或其他法定抚养人是否已参保），视同参保与否取决于此（依据 YL 二(三)6）");
            facts = [.. facts, ("guardianInsured", guardianInsured)];
            return guardianInsured
                ? ResidentScheme(context, date, "YL 二(三)6", "minor_deemed_insured", facts)
                : Decide(context, "YL 二(三)6", false, null, "guardian_not_insured", facts);
        }

        if (person.MedicalInsurance == MedicalInsuranceScheme.None)
        {
            return Decide(context, "YL 二(一)", false, null, "no_medical_insurance", facts);
        }

        // YL 二(三)3: flexible workers and the unemployed on benefit choose, in line with their medical insurance
        if (person.Employment is EmploymentStatus.FlexiblyEmployed or EmploymentStatus.UnemployedBenefit)
        {
            // the scheme that goes with their medical insurance
            var own = person.MedicalInsurance == MedicalInsuranceScheme.Employee ? SchemeKinds.Employee : SchemeKinds.Resident;
            var choice = input.FlexibleChoice ?? own;
            if (choice != own)
            {
                return Decide(context, "YL 二(三)3", false, null, "flexible_choice_mismatch", facts);
            }

            return choice == SchemeKinds.Resident
                ? ResidentScheme(context, date, "YL 二(三)3", "flexible_worker_choice", facts)
                : Decide(context, "YL 二(三)3", true, choice, "flexible_worker_choice", facts);
        }

        return person.MedicalInsurance == MedicalInsuranceScheme.Employee
            ? Decide(context, "YL 二(一)", true, SchemeKinds.Employee, "employee_medical_insurance", facts)
            : ResidentScheme(context, date, "YL 二(一)、二(三)4", "resident_medical_insurance", facts);
    }

    /// <summary>
    /// YL 一(二), 二(一): 2027 starts the employee scheme only; the resident scheme (未就业城乡居民长护险) starts on a
    /// date decided later. Until <c>residentSchemeStart</c> is set and reached, whoever would join it is not insured yet.
    /// </summary>
    private static EligibilityResult ResidentScheme(PolicyContext context, DateOnly date, string clause, string reason, (string, object?)[] facts)
    {
        var start = context.ParamOrNull(P.ResidentSchemeStart, date);
        var live = start is not null && date >= start.Date;
        context.Record(
            RuleNames.SchemeInForce,
            "YL 一(二)、二(一)",
            start is null ? [] : [start],
            Inputs(("scheme", SchemeKinds.Resident), ("date", date)),
            Inputs(("inForce", live), ("residentSchemeStart", start?.Date)));
        return live
            ? Decide(context, clause, true, SchemeKinds.Resident, reason, facts)
            : Decide(context, "YL 一(二)、二(一)", false, null, ResidentSchemeNotStarted, facts);
    }

    private static bool ResidentSchemeLive(PolicyContext context, DateOnly date) =>
        context.ParamOrNull(P.ResidentSchemeStart, date) is { } start && date >= start.Date;

    /// <summary>Reason given while the resident scheme has not started (YL 一(二), 二(一)).</summary>
    public const string ResidentSchemeNotStarted = "resident_scheme_not_started";

    protected override IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date)
    {
        var person = input.Person;
        // contributions are collected monthly with medical insurance (interpretation 10); a year is 12 months
        var months = input.Period.IsYear ? 12 : 1;
        var lines = new List<ContributionLine>();
        if (scheme == SchemeKinds.Employee)
        {
            switch (person.Employment)
            {
                case EmploymentStatus.Employed:
                    {
                        var wage = Required(input.MonthlyWage, "monthlyWage");
                        lines.Add(Rate(context, "YL 二(三)1", Payers.Employer, P.EmployerRate, "monthlyWage", wage, months, date));
                        lines.Add(Rate(context, "YL 二(三)1", Payers.Individual, P.EmployeeRate, "monthlyWage", wage, months, date));
                        break;
                    }

                case EmploymentStatus.Retired:
                    lines.Add(Rate(context, "YL 二(三)2", Payers.Individual, P.RetireeRate, "monthlyPension", Required(input.MonthlyPension, "monthlyPension"), months, date));
                    break;
                case EmploymentStatus.FlexiblyEmployed or EmploymentStatus.UnemployedBenefit:
                    lines.Add(Rate(context, "YL 二(三)3", Payers.Individual, P.FlexibleRate, "monthlyWage", Required(input.MonthlyWage, "monthlyWage"), months, date));
                    break;
                default:
                    throw new PolicyException(ErrorCodes.InvalidInput, $"职工长护险缴费需要就业状态 employed、retired、flexible 或 unemployed_benefit，收到 {person.Employment.Code()}（依据 YL 二(三)1-3）");
            }
        }
        else
        {
            if (IsMinor(person, context, date))
            {
                // YL 二(三)6: no own contribution
                context.Record(RuleNames.FixedShares, "YL 二(三)6", [], Inputs(("age", person.AgeOn(date))), Inputs(("total", 0m)));
                return lines;
            }

            var (shares, step) = FixedShares.Apply(
                "YL 二(三)4",
                [
                    (Payers.Individual, context.Param(P.ResidentIndividualAmount, date)),
                    (Payers.Fiscal, context.Param(P.ResidentFiscalAmount, date)),
                ]);
            context.Record(step);
            lines.AddRange(shares);
        }

        // YL 二(三)5: the government pays part or all of the individual part of people in difficulty; whether that is any
        // individual share or the resident standard only is a reading kept as a parameter (subsidyScope)
        var scope = context.Param(P.SubsidyScope, date);
        if (scheme != SchemeKinds.Resident && scope.Text == P.SubsidyResidentStandardOnly
            && new[] { PersonStatus.Tekun, PersonStatus.Dibao, PersonStatus.Fangfan }.Any(person.Has))
        {
            context.Record(RuleNames.StatusSubsidy, scope.Clause, [scope], Inputs(("scheme", scheme)), Inputs(("subsidy", 0m)));
            return lines;
        }

        var individual = lines.Where(l => l.Payer == Payers.Individual).Sum(l => l.Amount);
        var (subsidy, subsidyStep) = StatusSubsidy.Apply(
            "YL 二(三)5",
            individual,
            person.Statuses,
            [.. new[] { PersonStatus.Tekun, PersonStatus.Dibao, PersonStatus.Fangfan }
                .Where(person.Has)
                .Select(s => (s, context.Param(P.SubsidyRatio(s), date)))]);
        if (subsidy == 0)
        {
            return lines;
        }

        context.Record(subsidyStep);
        return [.. StatusSubsidy.ShiftToFiscal(lines, individual, subsidy)];
    }

    protected override SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date)
    {
        var mode = input.ServiceMode;
        if (!P.Modes.Contains(mode))
        {
            throw ModeNotOffered(mode, "YL 二(四)2");
        }

        // YL 二(四)1: at the start only severe disability (重度失能一/二/三级, levels 3-5) is paid, in every mode;
        // YL 二(四)4(3): bed-day rates exist only for those three levels
        var level = input.Beneficiary.Level;
        if (level is not (3 or 4 or 5))
        {
            var clause = mode == ServiceMode.Institution ? "YL 二(四)1、二(四)4(3)" : "YL 二(四)1";
            throw new PolicyException(ErrorCodes.LevelNotCovered, $"{mode.ChineseName()}只支付重度失能一级至三级（失能等级 3-5），收到失能等级 {level?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "无"}（依据 {clause}）");
        }

        var screening = Screening(context, mode, date);
        BenefitPayment payment;
        if (mode == ServiceMode.Institution)
        {
            payment = new PerDiemPayment("YL 二(四)4(3)", level.Value, context.Param(P.PerDiem(level.Value), date));
        }
        else
        {
            var clause = mode == ServiceMode.Home ? "YL 二(四)4(1)" : "YL 二(四)4(2)";
            payment = new RatioPayment(clause, context.Param(P.FundRatio(mode), date), context.Param(P.MonthlyLimit(mode), date));
        }

        var ceiling = new AnnualCeilingTerms(
            "YL 二(四)4",
            context.Param(P.AnnualCeilingRatio, date),
            context.Param(P.PreviousYearDisposableIncomePerCapita, date));
        return new SettlementPlan(screening, payment, ceiling);
    }

    protected override DateOnly? WaitingPeriodUntil(EntitlementInput input, PolicyContext context, DateOnly schemeStart)
    {
        if (input.Enrolment is not { } enrolment)
        {
            return null;
        }

        var date = input.ConclusionDate;
        var (lastDay, step) = WaitingPeriod.Apply(
            "YL 二(四)5（激励约束）",
            enrolment with { Newborn = IsNewborn(enrolment, context, date) },
            schemeStart,
            context.Param(P.WaitingPeriodMonths, date),
            () => context.Param(P.WaitingPeriodExtraMonthsPerGapYear, date),
            context.Param(P.GapYearCounting, date).Text == P.GapEveryStartedYear);
        context.Record(step);
        return lastDay;
    }

    /// <summary>Who counts as a newborn (exempt from the wait): a reading the tenant keeps in <c>newbornRule</c>.</summary>
    private static bool IsNewborn(Enrolment enrolment, PolicyContext context, DateOnly date)
    {
        var rule = context.Param(P.NewbornRule, date);
        if (rule.Text == P.NewbornDeclared)
        {
            context.Record(RuleNames.WaitingPeriod, rule.Clause, [rule], Inputs(("newborn", enrolment.Newborn)), Inputs(("newborn", enrolment.Newborn)));
            return enrolment.Newborn;
        }

        var months = context.Param(P.NewbornEnrolmentMonths, date);
        var birth = enrolment.BirthDate
            ?? throw new PolicyException(ErrorCodes.InvalidInput, $"新生儿认定规则 {rule.Text}（依据 {rule.Clause}）需要输入 enrolment.birthDate");
        var newborn = enrolment.Since < birth.AddMonths((int)months.Number);
        context.Record(RuleNames.WaitingPeriod, rule.Clause, [rule, months], Inputs(("birthDate", birth), ("enrolledSince", enrolment.Since)), Inputs(("newborn", newborn)));
        return newborn;
    }

    private static bool IsMinor(Person person, PolicyContext context, DateOnly date) =>
        person.Employment is EmploymentStatus.NotEmployed && person.AgeOn(date) < context.Param(P.MinorAge, date).Number;

    private static ContributionLine Rate(PolicyContext context, string clause, string payer, string rateName, string baseName, decimal baseAmount, int months, DateOnly date)
    {
        var (line, step) = RateOnBase.Apply(clause, payer, context.Param(rateName, date), baseName, baseAmount, months);
        context.Record(step);
        return line;
    }

    private static decimal Required(decimal? value, string field) =>
        value ?? throw RateOnBase.MissingBase(field);
}
