using System.Globalization;
using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Reports;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Projection;

/// <summary>
/// The sustainability projection. The base is the last full year's books (income, benefit and other expenditure, balance);
/// each projected year k multiplies it by the growth assumptions to the power k and, for a what-if, by the engine's
/// factors: the base year's own bills (a sample) re-evaluated by the policy engine with the what-if values as case
/// parameters, against the same bills evaluated without them, and likewise the base year's final claims re-settled. So the
/// rules are the engine's, never re-implemented here; with no change and no growth the first year is the base year.
/// </summary>
internal static class FundProjector
{
    public const int BillSample = 300;
    public const int ClaimLineSample = 5000;
    private const string BenefitAccounts = "5101";

    public static async Task<FundProjection> ProjectAsync(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock, ProjectFundQuery request,
        CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw Refused("projection.no_tenant", "请先选择城市。");
        var baseYear = request.BaseYear ?? ClaimLookup.Today(clock).Year - 1;
        var yearEnd = new DateOnly(baseYear, 12, 31);

        // The books: one GROUP BY over the journal through the base year.
        var accounts = await db.AccountsAsync(cancellationToken);
        var lines = await db.SummedLinesAsync(new LedgerPeriod(baseYear, 12), cancellationToken);
        var months = FundMonths.Compute(accounts, lines);
        var thisYear = FundMonths.Year(months, baseYear);
        var lastYear = FundMonths.Year(months, baseYear - 1);
        if (thisYear.Income == 0m && thisYear.Expense == 0m)
            throw Refused("projection.no_base_year", $"{baseYear} 年账簿没有收支，不能作为预测基准；请选择有完整收支记录的年度。");
        var benefitAccounts = accounts.Where(a => a.Type == AccountType.Expense && a.Code.StartsWith(BenefitAccounts, StringComparison.Ordinal))
            .Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var benefitExpense = lines.Where(l => l.Period.Year == baseYear && l.SourceType != SourceDocumentType.Closing && benefitAccounts.Contains(l.AccountCode))
            .Sum(l => l.SignedAmount);
        var otherExpense = thisYear.Expense - benefitExpense;
        var opening = FundMonths.BalanceThrough(months, new LedgerPeriod(baseYear, 12));

        // The register and the beneficiaries at the end of the base year and of the year before.
        var insuredEnd = await InsuredOnAsync(db, yearEnd, cancellationToken);
        var insuredBefore = await InsuredOnAsync(db, yearEnd.AddYears(-1), cancellationToken);
        var beneficiariesEnd = await BeneficiariesOnAsync(db, yearEnd, cancellationToken);
        var beneficiariesBefore = await BeneficiariesOnAsync(db, yearEnd.AddYears(-1), cancellationToken);

        var assumptions = new List<ProjectionAssumption>
        {
            Growth("参保人数年增长率", request.InsuredGrowth, Ratio(insuredEnd, insuredBefore),
                $"参保登记：{baseYear - 1} 年末 {insuredBefore} 人，{baseYear} 年末 {insuredEnd} 人"),
            Growth("人均缴费年增长率", request.ContributionGrowth, Ratio(PerHead(thisYear.Income, insuredEnd), PerHead(lastYear.Income, insuredBefore)),
                $"账簿收入 ÷ 年末参保人数：{baseYear - 1} 年 {lastYear.Income:0.00} 元，{baseYear} 年 {thisYear.Income:0.00} 元"),
            Growth("享受待遇人数年增长率", request.BeneficiaryGrowth, Ratio(beneficiariesEnd, beneficiariesBefore),
                $"待遇资格：{baseYear - 1} 年末 {beneficiariesBefore} 人，{baseYear} 年末 {beneficiariesEnd} 人"),
            Growth("人均待遇支出年增长率", request.CostGrowth, Ratio(PerHead(thisYear.Expense, beneficiariesEnd), PerHead(lastYear.Expense, beneficiariesBefore)),
                $"账簿支出 ÷ 年末享受待遇人数：{baseYear - 1} 年 {lastYear.Expense:0.00} 元，{baseYear} 年 {thisYear.Expense:0.00} 元"),
        };

        // The policy engine: the what-if parameters it knows, and its factors on the base year's own cases.
        PolicyCalculator? calculator = null;
        try
        {
            calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
            _ = calculator.ListParameters(tenant);
        }
        catch (PolicyException unknown) when (unknown.Code == ErrorCodes.UnknownTenant)
        {
            calculator = null;
        }

        var definitions = calculator?.ListParameters(tenant) ?? [];
        var parameters = definitions.Where(IsWhatIf)
            .Select(d => new WhatIfParameter(d.Name, d.Label, d.Clause, d.Unit, d.ValueOn(yearEnd)?.Value is decimal v ? v : null))
            .ToList();
        var overrides = (request.Overrides ?? new Dictionary<string, decimal>()).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        if ((overrides.Count > 0 || request.CoverModerate) && calculator is null)
            throw Refused("projection.no_policy", "本城市没有政策方案，不能按假设参数测算；请不改参数重新预测。");
        var unknownNames = overrides.Keys.Where(k => parameters.All(p => p.Name != k)).ToList();
        if (unknownNames.Count > 0)
            throw Refused("projection.unknown_parameter", $"未知或不可测算的政策参数：{string.Join("、", unknownNames)}。");

        var addedBeneficiaries = 0;
        if (request.CoverModerate)
        {
            var minimum = definitions.FirstOrDefault(d => d.Name == CommonParameters.National2021MinimumLevel)?.ValueOn(yearEnd)?.Value as decimal?;
            if (minimum is null)
                throw Refused("projection.moderate_unknown", "本市未按国家 2021 版失能等级评估标准设定享受待遇的最低等级，不能测算扩大到中度失能。");
            if (minimum <= ModerateLevel)
                throw Refused("projection.moderate_covered", "本市已将中度失能纳入保障范围。");
            overrides[CommonParameters.National2021MinimumLevel] = (decimal)ModerateLevel;
            addedBeneficiaries = await ModeratePeopleAsync(db, baseYear, cancellationToken);
        }

        var incomeFactor = 1m;
        var benefitFactor = 1m;
        var addedCostPerYear = 0m;
        if (overrides.Count > 0)
        {
            var bills = await BillFactorAsync(db, calculator!, tenant, baseYear, overrides, cancellationToken);
            incomeFactor = bills.Factor;
            assumptions.Add(new ProjectionAssumption("缴费收入系数", Math.Round(incomeFactor, 4, MidpointRounding.AwayFromZero), "倍",
                $"政策引擎按假设参数重算 {bills.Cases} 张 {baseYear} 年缴费单（按编号抽样），与按现行参数重算之比", false));
            var claims = await ClaimFactorAsync(db, calculator!, tenant, baseYear, overrides, cancellationToken);
            benefitFactor = claims.Factor;
            assumptions.Add(new ProjectionAssumption("待遇支出系数", Math.Round(benefitFactor, 4, MidpointRounding.AwayFromZero), "倍",
                $"政策引擎按假设参数重新结算 {claims.Cases} 个 {baseYear} 年人月（已审核结算单明细，抽样），与按现行参数结算之比", false));
            if (request.CoverModerate)
            {
                addedCostPerYear = Math.Round(claims.LowestLevelMonthlyFund * 12m, 2, MidpointRounding.AwayFromZero);
                assumptions.Add(new ProjectionAssumption("新增中度失能享受人数", addedBeneficiaries, "人",
                    $"{baseYear - 1}–{baseYear} 年评估结论为中度失能（国家 2021 版 2 级）的人数", false));
                assumptions.Add(new ProjectionAssumption("新增人员人均年待遇支出", addedCostPerYear, "元",
                    "政策引擎按假设参数结算的现有最低等级享受人员人均月基金支付 × 12", false));
            }
        }

        var years = new List<ProjectedYear>();
        var balance = opening;
        var income0 = thisYear.Income * incomeFactor;
        var expense0 = benefitExpense * benefitFactor + otherExpense + addedBeneficiaries * addedCostPerYear;
        for (var k = 1; k <= request.Years; k++)
        {
            var income = Money.Round(income0 * Compound(assumptions[0].Value, k) * Compound(assumptions[1].Value, k));
            var expense = Money.Round(expense0 * Compound(assumptions[2].Value, k) * Compound(assumptions[3].Value, k));
            balance += income - expense;
            years.Add(new ProjectedYear(baseYear + k, income, expense, income - expense, balance,
                expense > 0m ? Math.Round(balance / (expense / 12m), 1, MidpointRounding.AwayFromZero) : null));
        }

        return new FundProjection(baseYear, thisYear.Income, thisYear.Expense, opening, assumptions, years, parameters);
    }

    /// <summary>National 2021 standard: 2 = 中度失能 (3 = 重度失能一级).</summary>
    private const int ModerateLevel = 2;

    /// <summary>The figures a what-if may change: rates, amounts and shares (contribution rates, per-diems, limits, fund ratios).</summary>
    private static bool IsWhatIf(ParameterDefinition d) =>
        d.Kind is ParameterKind.Ratio or ParameterKind.Amount && !d.Name.StartsWith("agencyFeeCeiling", StringComparison.Ordinal);

    private static decimal Compound(decimal percent, int years)
    {
        var factor = 1m;
        for (var i = 0; i < years; i++)
            factor *= 1m + percent / 100m;
        return factor;
    }

    private static ProjectionAssumption Growth(string name, decimal? input, decimal? history, string basis) =>
        input is { } user
            ? new ProjectionAssumption(name, user, "%", "用户输入", true)
            : history is { } h
                ? new ProjectionAssumption(name, h, "%", "按历史数据计算（" + basis + "）", false)
                : new ProjectionAssumption(name, 0m, "%", "历史数据不足，按 0 计（" + basis + "）", false);

    private static decimal? Ratio(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b > 0m && n > 0m ? Math.Round((n / b - 1m) * 100m, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal? PerHead(decimal amount, int people) => people > 0 ? amount / people : null;

    private static Task<int> InsuredOnAsync(ILtcDbContext db, DateOnly on, CancellationToken cancellationToken) =>
        db.EnrollmentPeriods.AsNoTracking().CountAsync(e => e.StartDate <= on && (e.EndDate == null || e.EndDate >= on), cancellationToken);

    private static Task<int> BeneficiariesOnAsync(ILtcDbContext db, DateOnly on, CancellationToken cancellationToken) =>
        db.Set<BenefitEntitlement>().AsNoTracking().CountAsync(e => e.From <= on && (e.To == null || e.To >= on), cancellationToken);

    private static Task<int> ModeratePeopleAsync(ILtcDbContext db, int baseYear, CancellationToken cancellationToken)
    {
        var from = new DateOnly(baseYear - 1, 1, 1);
        var to = new DateOnly(baseYear, 12, 31);
        return db.Set<AssessmentApplication>().AsNoTracking()
            .Where(a => a.ConclusionLevel == ModerateLevel && a.ConcludedOn >= from && a.ConcludedOn <= to)
            .Select(a => a.PersonId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>The base year's bills (a sample by id) evaluated as the billing run builds them, without and with the what-if values.</summary>
    private static async Task<(decimal Factor, int Cases)> BillFactorAsync(ILtcDbContext db, PolicyCalculator calculator, string tenant, int baseYear,
        IReadOnlyDictionary<string, object?> overrides, CancellationToken cancellationToken)
    {
        var prefix = baseYear.ToString(CultureInfo.InvariantCulture);
        var bills = await db.ContributionBills.AsNoTracking().Where(b => b.Period.StartsWith(prefix))
            .OrderBy(b => b.Id).Take(BillSample).ToListAsync(cancellationToken);
        var people = bills.Select(b => b.PersonId).Distinct().ToList();
        var persons = await db.InsuredPeople.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var enrolments = (await db.EnrollmentPeriods.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync(cancellationToken)).ToLookup(e => e.PersonId);
        var statuses = (await db.PersonStatuses.AsNoTracking().Where(s => people.Contains(s.PersonId)).ToListAsync(cancellationToken)).ToLookup(s => s.PersonId);
        var yearStart = new DateOnly(baseYear, 1, 1);
        var bases = await ContributionBaseBook.CoveringAsync(db, yearStart, yearStart.AddYears(1).AddDays(-1), null, cancellationToken);
        var none = new Dictionary<string, object?>();
        decimal before = 0m, after = 0m;
        var cases = 0;
        foreach (var bill in bills)
        {
            var period = BillingCycle.For(tenant).Period(bill.Period);
            var enrollment = enrolments[bill.PersonId].Where(e => e.StartDate <= period.End && (e.EndDate == null || e.EndDate >= period.Start))
                .OrderBy(e => e.StartDate).LastOrDefault();
            if (enrollment is null || !persons.TryGetValue(bill.PersonId, out var person))
                continue;
            var used = RunBillingHandler.BasesInForce(bases[bill.PersonId], enrollment, period, bill.CreatedAt);
            var policyCase = RunBillingHandler.BillingCase(tenant, person, enrollment, statuses[bill.PersonId], period, used);
            try
            {
                var now = (ContributionResult)calculator.Evaluate(policyCase with { Parameters = none }).Result;
                var whatIf = (ContributionResult)calculator.Evaluate(policyCase with { Parameters = overrides }).Result;
                before += now.Total;
                after += whatIf.Total;
                cases++;
            }
            catch (PolicyException)
            {
                // A bill the engine refuses either way (e.g. a figure unset) says nothing about the change.
            }
        }

        return (before > 0m ? after / before : 1m, cases);
    }

    /// <summary>
    /// The base year's final claim lines (a sample) settled per beneficiary, entitlement and month through the engine,
    /// without and with the what-if values; also the mean what-if fund per beneficiary-month of the lowest level sampled.
    /// </summary>
    private static async Task<(decimal Factor, int Cases, decimal LowestLevelMonthlyFund)> ClaimFactorAsync(ILtcDbContext db,
        PolicyCalculator calculator, string tenant, int baseYear, IReadOnlyDictionary<string, object?> overrides, CancellationToken cancellationToken)
    {
        var first = new DateOnly(baseYear, 1, 1);
        var last = new DateOnly(baseYear, 12, 31);
        var final = ClaimStatus.Final.ToArray();
        var lines = await (
                from l in db.Set<ClaimLine>().AsNoTracking()
                join c in db.Set<Claim>().AsNoTracking() on l.ClaimId equals c.Id
                where final.Contains(c.Status) && !l.Recovered && c.ServiceMonth >= first && c.ServiceMonth <= last
                orderby l.PersonId, l.Day, l.LineNo
                select new { l.PersonId, l.EntitlementId, c.InstitutionId, l.Day, l.Category, l.ItemCode, l.Amount })
            .Take(ClaimLineSample).ToListAsync(cancellationToken);
        var entitlementIds = lines.Select(l => l.EntitlementId).Distinct().ToList();
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => entitlementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var institutionIds = lines.Select(l => l.InstitutionId).Distinct().ToList();
        var levels = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.MedicalInstitutionLevel, cancellationToken);
        var personIds = lines.Select(l => l.PersonId).Distinct().ToList();
        var stays = (await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => personIds.Contains(s.PersonId)).ToListAsync(cancellationToken)).ToLookup(s => s.PersonId);
        var none = new Dictionary<string, object?>();
        decimal before = 0m, after = 0m;
        var cases = 0;
        var byLevel = new Dictionary<int, (decimal Fund, int Months)>();
        foreach (var group in lines.GroupBy(l => (l.PersonId, l.EntitlementId, l.InstitutionId, Month: Month.Of(l.Day))))
        {
            if (!entitlements.TryGetValue(group.Key.EntitlementId, out var entitlement)
                || !ServiceModes.Terms.TryParse(entitlement.ServiceMode, out var mode))
                continue;
            var month = group.Key.Month;
            var input = new SettlementInput(month, new Beneficiary(entitlement.Level, ClaimLookup.PaysFrom(entitlement), entitlement.To, 0m), mode,
                levels.GetValueOrDefault(group.Key.InstitutionId),
                [.. group.Select(l => new ServiceLine(l.Day, l.Category, l.ItemCode, l.Amount))],
                [.. stays[group.Key.PersonId].Select(s => s.ToStay())]);
            try
            {
                var now = (SettlementResult)calculator.Evaluate(new PolicyCase(CaseKinds.Settlement, tenant, month.LastDay, input, none)).Result;
                var whatIf = (SettlementResult)calculator.Evaluate(new PolicyCase(CaseKinds.Settlement, tenant, month.LastDay, input, overrides)).Result;
                before += now.FundPays;
                after += whatIf.FundPays;
                cases++;
                if (entitlement.Level is { } level)
                {
                    var sum = byLevel.GetValueOrDefault(level);
                    byLevel[level] = (sum.Fund + whatIf.FundPays, sum.Months + 1);
                }
            }
            catch (PolicyException)
            {
                // Refused either way: not part of the comparison.
            }
        }

        var lowest = byLevel.Count == 0 ? (Fund: 0m, Months: 0) : byLevel[byLevel.Keys.Min()];
        return (before > 0m ? after / before : 1m, cases, lowest.Months > 0 ? lowest.Fund / lowest.Months : 0m);
    }

    private static BusinessRuleViolationException Refused(string code, string message) =>
        new(new ClaimRule(code, "", message, true));
}
