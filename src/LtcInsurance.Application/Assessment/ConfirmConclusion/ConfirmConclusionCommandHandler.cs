using LtcInsurance.Application.Benefits;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.ConfirmConclusion;

/// <summary>
/// The confirming expert is the assessor registered under the signed-in user's name. The conclusion, its publicity and the
/// end of an entitlement it supersedes are saved together; the fee is posted after, and its refusal does not undo them.
/// </summary>
internal sealed class ConfirmConclusionCommandHandler(
    ILtcDbContext db, ICurrentUser user, IPolicyEngine engine, IWorkingCalendar calendar, ILedgerPostingService ledger)
    : IRequestHandler<ConfirmConclusionCommand, ConclusionConfirmation>
{
    public async Task<ConclusionConfirmation> Handle(ConfirmConclusionCommand request, CancellationToken cancellationToken)
    {
        var record = await db.Set<OnSiteAssessment>().SingleOrDefaultAsync(r => r.Id == request.AssessmentId, cancellationToken);
        AssessmentRule.Check(record is null, AssessmentCodes.AssessmentNotFound, AssessmentClauses.Conclusion, "未找到该现场评估记录");
        var application = await AssessmentLookup.ApplicationAsync(db, record!.ApplicationId, cancellationToken);
        var userName = user.Name();
        var expert = await db.Set<Assessor>().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        AssessmentRule.Check(expert is null, AssessmentCodes.NotAnExpert, AssessmentClauses.Conclusion,
            $"当前用户 {userName} 未登记为评估专家，不能确认评估结论（依据 {AssessmentClauses.Conclusion}）");
        var related = (await AssessmentLookup.RelatedAssessorsAsync(db, application.PersonId, cancellationToken)).Contains(expert!.Id);
        var concluded = record.Confirm(application, expert, userName, related, request.On);
        if (concluded && !application.IsReview
            && await PublicitySchedule.TryComputeAsync(engine, calendar, application.TenantId, request.On, cancellationToken) is { } publicity)
            application.Publicise(publicity.First, publicity.Last);
        // a conclusion that opens no benefits ends what an earlier one opened (end reason: new conclusion)
        var ended = concluded && !record.EligibleForBenefit
            ? await EntitlementEnding.EndForNewConclusionAsync(db, engine, application.TenantId, application.PersonId, application.Id, request.On, cancellationToken)
            : [];
        await db.SaveChangesAsync(cancellationToken);
        if (!concluded)
            return new ConclusionConfirmation(false, record.Level, record.LevelLabel, null, "已确认，尚需另一名评估专家确认");

        var (feePosted, feeMessage) = await PostFeeAsync(application.Id, request.On, cancellationToken);
        var endedText = string.Concat(ended.Select(e => $"；原待遇资格因新的评估结论终止，最后享受待遇日为 {BenefitLookup.Day(e.Outcome.LastDay)}"));
        return new ConclusionConfirmation(true, application.ConclusionLevel, application.ConclusionLevelLabel, application.ConcludedOn,
            $"评估结论已由两名评估专家确认：{application.ConclusionLevelLabel ?? "（量表无等级）"}"
            + (application.IsReview ? "（复评结论，为最终结论）" : application.PublicityFrom is null ? "；公示期参数未设置，请稍后开始公示" : "")
            + endedText,
            application.PublicityFrom, application.PublicityTo, feePosted, feeMessage, [.. ended.Select(e => e.Entitlement.Id)]);
    }

    /// <summary>Posts the fee once; a refusal (unset fee, binding ceiling, closed period) is reported, the conclusion stands.</summary>
    private async Task<(bool Posted, string Message)> PostFeeAsync(Guid applicationId, DateOnly on, CancellationToken cancellationToken)
    {
        try
        {
            var fee = await AssessmentFees.PostAsync(db, engine, ledger, applicationId, on, cancellationToken);
            return (fee.JournalSequence is not null, fee.Message);
        }
        catch (BusinessRuleViolationException e)
        {
            return (false, $"评估费未记账：{e.Message}；可在申请页面补记评估费");
        }
        catch (LedgerRuleException e)
        {
            return (false, $"评估费未记账：{e.Message}；可在申请页面补记评估费");
        }
    }
}
