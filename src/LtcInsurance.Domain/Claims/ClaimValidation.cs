using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Claims;

/// <summary>One line as a provider submits it (portal grid, file row or API element), before any lookup.</summary>
/// <param name="LineNo">The provider's line number (1, 2, …): problems name it.</param>
/// <param name="PersonIdNumber">The beneficiary's 身份证号.</param>
/// <param name="CareWorkerIdNumber">The care worker's 身份证号 (required where the item requires a qualification).</param>
public sealed record ClaimLineInput(int LineNo, string PersonIdNumber, DateOnly Day, string ItemCode, decimal Quantity, decimal Amount,
    string? CareWorkerIdNumber = null);

/// <summary>An entitlement of a beneficiary as the checks see it.</summary>
public sealed record EntitlementFact(Guid Id, DateOnly From, DateOnly? To, ServiceMode Mode, int? Level, Guid? AssignedProviderId)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);
}

/// <summary>A confirmed care plan of the claiming provider for a beneficiary: its period and item codes.</summary>
public sealed record CarePlanFact(DateOnly From, DateOnly? To, IReadOnlySet<string> ItemCodes)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);
}

/// <summary>A catalogue item valid on a day.</summary>
public sealed record CatalogueItemFact(string Code, string Category, decimal? Price, string? RequiredQualification, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool ValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

public sealed record CareWorkerFact(Guid Id, string IdNumber, bool Active, IReadOnlyCollection<string> Qualifications, IReadOnlyList<(DateOnly From, DateOnly? To)> Sanctions);

/// <summary>Everything the checks need about one beneficiary (null person id: not in the register).</summary>
public sealed record BeneficiaryFacts(
    Guid? PersonId,
    IReadOnlyList<EntitlementFact> Entitlements,
    IReadOnlyList<CarePlanFact> ConfirmedPlans,
    IReadOnlyList<Policies.Cases.HospitalStay> HospitalStays,
    IReadOnlySet<DateOnly> InstitutionCareDaysElsewhere);

/// <summary>The claiming provider: its id, admitted modes, sanctions and agreement period.</summary>
public sealed record ProviderFacts(Guid Id, IReadOnlyCollection<ServiceMode> Modes, IReadOnlyList<(DateOnly From, DateOnly? To)> Sanctions,
    DateOnly? AgreementFrom = null, DateOnly? AgreementTo = null, bool SuspendDuringHospitalStay = false);

/// <summary>A line that passed the refusing checks, with what the settlement needs.</summary>
public sealed record CheckedLine(ClaimLineInput Input, Guid PersonId, EntitlementFact Entitlement, string Category, Guid? CareWorkerId,
    IReadOnlyList<ClaimProblem> Notices);

/// <summary>The outcome: every problem (refusals and cuts), and the lines when nothing refuses.</summary>
public sealed record ClaimCheck(IReadOnlyList<ClaimProblem> Problems, IReadOnlyList<CheckedLine> Lines)
{
    public bool Refused => Problems.Any(p => p.Severity == ReturnSeverity.Refuse);
}

/// <summary>
/// The automatic checks of a monthly claim (结算申报校验). Pure: the handler gathers the facts, this decides. Every line is
/// checked against every rule and every problem is returned at once, with the line number and a code of
/// <see cref="ClaimReturnCodes"/>; a claim with any refusing problem is refused whole (nothing stored).
/// </summary>
public static class ClaimValidation
{
    public static ClaimCheck Check(
        Month month,
        ProviderFacts provider,
        IReadOnlyList<ClaimLineInput> lines,
        Func<string, BeneficiaryFacts> beneficiary,
        Func<string, DateOnly, CatalogueItemFact?> item,
        Func<string, CareWorkerFact?> careWorker)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(beneficiary);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(careWorker);
        var problems = new List<ClaimProblem>();
        var checkedLines = new List<CheckedLine>();
        var seen = new HashSet<(string Person, DateOnly Day, string Item)>();
        foreach (var line in lines)
        {
            var own = new List<ClaimProblem>();
            void Add(string code, string? detail = null) => own.Add(ClaimProblem.Of(line.LineNo, code, detail));

            if (line.Quantity <= 0)
                Add(ClaimReturnCodes.InvalidQuantity);
            if (line.Amount < 0 || decimal.Round(line.Amount, 2) != line.Amount)
                Add(ClaimReturnCodes.InvalidAmount);
            var inMonth = month.Contains(line.Day);
            if (!inMonth)
                Add(ClaimReturnCodes.DayOutsideMonth, $"{line.Day:yyyy-MM-dd} 不在 {month}");
            if (!seen.Add((line.PersonIdNumber, line.Day, line.ItemCode)))
                Add(ClaimReturnCodes.DuplicateLine);
            if (provider.Sanctions.Any(s => s.From <= line.Day && (s.To is null || line.Day <= s.To))
                || (provider.AgreementFrom is { } af && line.Day < af) || (provider.AgreementTo is { } at && line.Day > at))
                Add(ClaimReturnCodes.ProviderSanctioned);

            var catalogue = item(line.ItemCode, line.Day);
            if (catalogue is null)
                Add(ClaimReturnCodes.UnknownItem, line.ItemCode);
            else if (catalogue.Price is { } price && line.Amount > Money.Round(price * line.Quantity))
                Add(ClaimReturnCodes.AmountAbovePrice, $"目录价格 {price:0.00} × {line.Quantity}");

            Guid? workerId = null;
            if (!string.IsNullOrWhiteSpace(line.CareWorkerIdNumber))
            {
                var worker = careWorker(line.CareWorkerIdNumber.Trim());
                if (worker is null || !worker.Active)
                    Add(ClaimReturnCodes.CareWorkerUnknown);
                else
                {
                    workerId = worker.Id;
                    if (catalogue?.RequiredQualification is { } required && !worker.Qualifications.Contains(required))
                        Add(ClaimReturnCodes.CareWorkerUnqualified, required);
                    if (worker.Sanctions.Any(s => s.From <= line.Day && (s.To is null || line.Day <= s.To)))
                        Add(ClaimReturnCodes.CareWorkerSanctioned);
                }
            }
            else if (catalogue?.RequiredQualification is { } required)
                Add(ClaimReturnCodes.CareWorkerUnqualified, $"须填写具备 {required} 资质的护理服务人员");

            var facts = beneficiary(line.PersonIdNumber);
            EntitlementFact? entitlement = null;
            if (facts.PersonId is null)
                Add(ClaimReturnCodes.UnknownPerson);
            else if (facts.Entitlements.Count == 0 || !facts.Entitlements.Any(e => e.From <= month.LastDay && (e.To is null || e.To >= month.FirstDay)))
                Add(ClaimReturnCodes.NoEntitlement);
            else
            {
                entitlement = facts.Entitlements.FirstOrDefault(e => e.Covers(line.Day));
                if (entitlement is null)
                {
                    // kept and settled: the engine's entitlement window gives the line no fund money
                    entitlement = facts.Entitlements.OrderBy(e => Distance(e, line.Day)).ThenBy(e => e.From).First();
                    Add(ClaimReturnCodes.NotEntitled);
                }

                if (!provider.Modes.Contains(entitlement.Mode))
                    Add(ClaimReturnCodes.ModeNotAllowed, entitlement.Mode.ChineseName());
                if (entitlement.AssignedProviderId is { } assigned && assigned != provider.Id)
                    Add(ClaimReturnCodes.OtherProviderAssigned);
                if (catalogue is not null && IsPlannedCategory(catalogue.Category)
                    && !facts.ConfirmedPlans.Any(p => p.Covers(line.Day) && p.ItemCodes.Contains(line.ItemCode)))
                    Add(ClaimReturnCodes.OutsideCarePlan, line.ItemCode);
                if (entitlement.Mode is ServiceMode.Institution && facts.InstitutionCareDaysElsewhere.Contains(line.Day))
                    Add(ClaimReturnCodes.InstitutionCareClaimedElsewhere);
                if (provider.SuspendDuringHospitalStay && Policies.Rules.HospitalSuspension.Suspends(facts.HospitalStays, line.Day))
                    Add(ClaimReturnCodes.DuringHospitalStay);
            }

            problems.AddRange(own);
            if (facts.PersonId is { } personId && entitlement is not null && catalogue is not null)
                checkedLines.Add(new CheckedLine(line, personId, entitlement, catalogue.Category, workerId, own));
        }

        return new ClaimCheck(problems, checkedLines);
    }

    /// <summary>Care and medical-care items must be in the confirmed care plan; bed, meal, drugs and others need not be.</summary>
    public static bool IsPlannedCategory(string category) =>
        category is Policies.Cases.LineCategories.Care or Policies.Cases.LineCategories.MedicalCare;

    private static int Distance(EntitlementFact e, DateOnly day) =>
        day < e.From ? e.From.DayNumber - day.DayNumber : e.To is { } to && day > to ? day.DayNumber - to.DayNumber : 0;
}
