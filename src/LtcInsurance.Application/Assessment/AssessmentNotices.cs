using System.Globalization;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Documents.RenderConclusionLetter;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment;

/// <summary>
/// The notices the assessment path issues to the applicant (29号 受理审核, 公示与送达): the acceptance notice (受理通知书), the
/// refusal (不予受理通知书), the request to complete the documents (补正材料通知书) and the conclusion letter (结论书). A notice is
/// issued by the application's state; marking it printed keeps the printed PDF as an attachment of the application
/// (owner <see cref="OwnerKind"/>, id <c>{application}.{kind}</c>: who printed it and when, never changed), so the print queue
/// lists what has no printed copy yet. The conclusion letter's delivery is recorded by <c>RecordDelivery</c>.
/// </summary>
public static class AssessmentNotices
{
    public const string Acceptance = "acceptance";
    public const string Refusal = "refusal";
    public const string Completion = "completion";
    public const string Conclusion = "conclusion";

    /// <summary>The attachments' owner kind of printed notices.</summary>
    public const string OwnerKind = "assessment_notice";

    public static IReadOnlyList<string> All { get; } = [Acceptance, Refusal, Completion, Conclusion];

    public static string ChineseName(string kind) => kind switch
    {
        Acceptance => "受理通知书",
        Refusal => "不予受理通知书",
        Completion => "补正材料通知书",
        Conclusion => "失能等级评估结论书",
        _ => kind,
    };

    public static string OwnerId(Guid applicationId, string kind) => $"{applicationId:D}.{kind}";

    /// <summary>The notice the application's state issues now, with its day, or null (still waiting, withdrawn, or a 复评 not yet concluded).</summary>
    internal static (string Kind, DateOnly IssuedOn)? Current(AssessmentApplication a) => a.Status switch
    {
        ApplicationStatuses.Concluded when a.ConcludedOn is { } day => (Conclusion, day),
        ApplicationStatuses.Refused when a.DecidedOn is { } day => (Refusal, day),
        ApplicationStatuses.Incomplete when a.DecidedOn is { } day => (Completion, day),
        ApplicationStatuses.Accepted or ApplicationStatuses.Assigned or ApplicationStatuses.Assessed
            when !a.IsReview && a.DecidedOn is { } day => (Acceptance, day),
        _ => null,
    };

    /// <summary>Every notice an application has issued so far (an accepted application that was concluded issued both).</summary>
    internal static IEnumerable<(string Kind, DateOnly IssuedOn)> Issued(AssessmentApplication a)
    {
        if (!a.IsReview && a.DecidedOn is { } decided
            && a.Status is ApplicationStatuses.Accepted or ApplicationStatuses.Assigned or ApplicationStatuses.Assessed or ApplicationStatuses.Concluded)
            yield return (Acceptance, decided);
        if (Current(a) is { } current && current.Kind != Acceptance)
            yield return current;
    }

    /// <summary>The notice of <paramref name="kind"/> of an application as a PDF; refused when the application has not issued it.</summary>
    internal static async Task<DocumentFile> RenderAsync(
        ILtcDbContext db, IPolicyEngine engine, INoticeRenderer renderer, AssessmentApplication application, string kind, CancellationToken cancellationToken)
    {
        var issued = Issued(application).Where(n => n.Kind == kind).Select(n => (DateOnly?)n.IssuedOn).FirstOrDefault();
        AssessmentRule.Check(issued is null, AssessmentCodes.NoticeNotIssued, AssessmentClauses.Acceptance,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，没有可出具的{ChineseName(kind)}");
        if (kind == Conclusion)
        {
            var letter = await ConclusionLetters.ComposeAsync(db, engine, application.Id, null, cancellationToken);
            return new DocumentFile(ConclusionLetters.FileName(letter), DocumentFile.PdfContentType, renderer.RenderPdf(ConclusionLetterNotice.Compose(letter)));
        }

        var person = await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Id == application.PersonId, cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == application.TenantId, cancellationToken);
        var notice = DecisionNotice(kind, person.Name, person.IdNumber.Value, application, issued!.Value, $"{tenant.NameZh}长期护理保险经办机构");
        var name = $"{ChineseName(kind)}-{person.Name.Trim()}-{issued.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.pdf";
        return new DocumentFile(name, DocumentFile.PdfContentType, renderer.RenderPdf(notice));
    }

    /// <summary>The wording of an acceptance decision's notice (accepted, refused with reason and clause, documents to complete).</summary>
    public static Notice DecisionNotice(string kind, string personName, string idNumber, AssessmentApplication application, DateOnly issuedOn, string issuer)
    {
        ArgumentNullException.ThrowIfNull(application);
        var applied = ConclusionLetterNotice.ChineseDate(application.AppliedOn);
        var opening = $"{applied}，{ApplicantKinds.ChineseName(application.ApplicantKind)}（申请人：{application.ApplicantName.Trim()}）提出的长期护理保险失能等级评估申请";
        List<NoticeBlock> blocks =
        [
            new NoticeParagraph($"{personName.Trim()}（身份证号码：{ConclusionLetterNotice.MaskIdNumber(idNumber)}）：", Indent: false),
        ];
        switch (kind)
        {
            case Acceptance:
                blocks.Add(new NoticeParagraph($"{opening}，经审核符合受理条件，本机构于{ConclusionLetterNotice.ChineseDate(issuedOn)}予以受理。"));
                blocks.Add(new NoticeParagraph("本机构将委托定点评估机构开展现场评估，届时请被评估人在场，并由监护人或代理人陪同，备齐身份证件和近期病历等材料。"));
                if (application.DeliveryDueOn is { } due)
                    blocks.Add(new NoticeParagraph($"评估结论书将于{ConclusionLetterNotice.ChineseDate(due)}前送达（依据 {AssessmentClauses.Delivery}）。"));
                break;
            case Refusal:
                blocks.Add(new NoticeParagraph($"{opening}，经审核不符合受理条件，决定不予受理。"));
                blocks.Add(new NoticeParagraph($"理由：{application.DecisionMessage?.Trim().TrimEnd('。')}。"));
                if (!string.IsNullOrWhiteSpace(application.DecisionClause))
                    blocks.Add(new NoticeParagraph($"依据：{application.DecisionClause.Trim()}。"));
                blocks.Add(new NoticeParagraph("如对本决定有异议，可向本机构咨询；情况发生变化后可重新提出申请。"));
                break;
            default:
                blocks.Add(new NoticeParagraph($"{opening}，经审核材料不全，请补正下列材料后再行审核。"));
                var missing = ApplicationDocuments.Required(application.ApplicantKind).Except(application.ProvidedDocuments).ToList();
                blocks.Add(new NoticeTable(["序号", "须补正的材料"],
                    [.. missing.Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), ApplicationDocuments.ChineseName(d)])],
                    [1.0, 5.0]));
                blocks.Add(new NoticeParagraph($"请于{ConclusionLetterNotice.ChineseDate(application.CompleteBy)}前补正；逾期未补正的，视为撤回申请。"));
                break;
        }

        blocks.Add(new NoticeParagraph("特此通知。"));
        return new Notice($"长期护理保险失能等级评估{ChineseName(kind)}", null, blocks, new NoticeSignature(issuer, issuedOn)) { Subject = personName.Trim() };
    }
}
