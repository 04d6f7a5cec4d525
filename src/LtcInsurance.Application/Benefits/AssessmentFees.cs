using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Benefits.PostAssessmentFee;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits;

/// <summary>
/// The assessment fee of a concluded application, posted once (idempotency key <see cref="Key"/>): by <c>PostAssessmentFee</c>
/// and by the concluding expert confirmation (<c>ConfirmConclusion</c>), which reports instead of failing when it cannot be posted.
/// </summary>
internal static class AssessmentFees
{
    public static string Key(Guid applicationId) => $"assessment-fee:{applicationId:N}";

    /// <summary>The journal entry of the application's fee, if it was posted.</summary>
    public static Task<long?> PostedSequenceAsync(ILtcDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        var key = Key(applicationId);
        return db.JournalEntries.AsNoTracking().Where(e => e.IdempotencyKey == key).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Posts the fee on <paramref name="on"/>; refusals (unset fee, binding ceiling, not concluded) are thrown.</summary>
    public static async Task<AssessmentFeePosted> PostAsync(ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger, Guid applicationId, DateOnly on,
        CancellationToken cancellationToken)
    {
        var tenant = BenefitLookup.Tenant(db);
        var application = await db.Set<AssessmentApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        BenefitRule.Check(application is null, BenefitCodes.ApplicationNotFound, BenefitClauses.Fee, "未找到该评估申请");
        BenefitRule.Check(application!.Status != ApplicationStatuses.Concluded, BenefitCodes.NotConcluded, BenefitClauses.Fee,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，评估结论确认后方可结算评估费");
        var record = await BenefitLookup.ConcludingRecordAsync(db, application.Id, cancellationToken);
        BenefitRule.Check(record is null, BenefitCodes.NotConcluded, BenefitClauses.Fee, "未找到经两名评估专家确认的现场评估记录");
        var agency = await db.Set<AssessmentAgency>().AsNoTracking().SingleAsync(a => a.Id == record!.AgencyId, cancellationToken);
        var region = await db.InsuredPeople.AsNoTracking().Where(p => p.Id == application.PersonId).Select(p => p.RegionCode).SingleAsync(cancellationToken);
        var key = Key(application.Id);
        var posted = await PostedSequenceAsync(db, application.Id, cancellationToken);

        var year = on.Year;
        var accounts = await db.AccountsAsync(cancellationToken);
        var lines = await db.LinesThroughAsync(new LedgerPeriod(year, 12), cancellationToken);
        var (fee, ceiling) = await BenefitLookup.RunAsync(engine, tenant, calculator =>
        {
            var rules = calculator.Entitlement(tenant);
            var fee = rules.AssessmentFee(record!.AssessedOn);
            if (posted is not null || fee.Value.FundPays == 0m)
                return (fee, (Domain.Policies.Entitlement.Traced<Domain.Policies.Entitlement.AssessmentFeeCeilingCheck?>?)null);
            // the books so far (the fee's own entry not yet among them): funding and agency fees of the year
            var rule = AgencyFeeCeilingParameters.Resolve(calculator.ListParameters(tenant), new DateOnly(year, 12, 31));
            if (rule is null)
                return (fee, null);
            var usage = AgencyFeeCeiling.Measure(rule, year, accounts, lines);
            return (fee, rules.CountInAgencyFeeCeiling(fee.Value, year, usage.YearFunding, usage.FeesCounted, 0m));
        }, cancellationToken);
        var split = fee.Value;
        if (posted is { } sequence)
            return new AssessmentFeePosted(split.Fee, split.FundPays, split.PersonPays, sequence, true, null, "该评估的评估费已记账，未重复记账");

        if (ceiling?.Value is { } check)
        {
            BenefitRule.Check(check.ExceedsBindingCeiling, BenefitCodes.FeeCeiling, check.Usage.Rule.Clause,
                $"计入本次评估费（基金支付 {split.FundPays:0.00} 元）后，{year} 年经办费用（含评估费）{check.Usage.FeesCounted:0.00} 元将超过上限 "
                + $"{check.Usage.Ceiling:0.00} 元（当年筹资 {check.Usage.YearFunding:0.00} 元的 {check.Usage.Rule.Ratio:P0}，依据 {check.Usage.Rule.Clause}），不予记账");
        }

        if (split.FundPays == 0m)
            return new AssessmentFeePosted(split.Fee, 0m, split.PersonPays, null, false, null, "评估费全部由个人负担，基金无需记账");

        string AccountOf(string code)
        {
            var regional = Account.RegionAccountCode(code, region);
            return accounts.Any(a => a.Code == regional) ? regional : code;
        }

        var draft = new EntryDraft(on, $"失能评估费：{agency.Name}（评估申请 {application.Id:N}）",
            new SourceDocument(SourceDocumentType.Fee, $"assessment:{application.Id:N}"), key,
            [Posting.Debit(AccountOf(StandardChart.AssessmentFees), split.FundPays), Posting.Credit(AccountOf(StandardChart.PayableToAssessors), split.FundPays)]);
        var result = await ledger.PostAsync(draft, cancellationToken);
        var person = split.PersonPays > 0m ? $"，个人负担 {split.PersonPays:0.00} 元" : "";
        return new AssessmentFeePosted(split.Fee, split.FundPays, split.PersonPays, result.Entry.Sequence, result.AlreadyPosted,
            ceiling?.Value?.Usage.Remaining,
            $"评估费 {split.Fee:0.00} 元：基金支付 {split.FundPays:0.00} 元，记入应付评估机构款（{agency.Name}）{person}");
    }
}
