using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.ListNotices;

internal sealed class ListNoticesQueryHandler(ILtcDbContext db) : IRequestHandler<ListNoticesQuery, IReadOnlyList<NoticeRow>>
{
    public async Task<IReadOnlyList<NoticeRow>> Handle(ListNoticesQuery request, CancellationToken cancellationToken)
    {
        // applications that issue a notice: decided (accepted and on, refused, incomplete) or concluded
        var issuing = new[]
        {
            ApplicationStatuses.Accepted, ApplicationStatuses.Assigned, ApplicationStatuses.Assessed, ApplicationStatuses.Concluded,
            ApplicationStatuses.Refused, ApplicationStatuses.Incomplete,
        };
        var rows = await (
                from a in db.Set<AssessmentApplication>().AsNoTracking()
                join p in db.InsuredPeople on a.PersonId equals p.Id
                where issuing.Contains(a.Status)
                select new { a, p.Name })
            .ToListAsync(cancellationToken);
        var printed = (await db.Set<Attachment>().AsNoTracking()
                .Where(x => x.OwnerKind == AssessmentNotices.OwnerKind)
                .Select(x => new { x.OwnerId, x.UploadedBy, x.UploadedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.OwnerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.UploadedAt).First());

        var notices = new List<NoticeRow>();
        foreach (var row in rows)
        {
            foreach (var (kind, issuedOn) in AssessmentNotices.Issued(row.a))
            {
                if (request.Kind is { } only && only != kind)
                    continue;
                printed.TryGetValue(AssessmentNotices.OwnerId(row.a.Id, kind), out var copy);
                var isLetter = kind == AssessmentNotices.Conclusion;
                var state = copy is null ? NoticeStates.ToPrint
                    : isLetter && row.a.DeliveredOn is null ? NoticeStates.ToDeliver
                    : NoticeStates.Done;
                var wanted = request.State switch
                {
                    null => state != NoticeStates.Done,
                    NoticeStates.Everything => true,
                    _ => state == request.State,
                };
                if (!wanted)
                    continue;
                DateOnly? due = isLetter ? row.a.DeliveryDueOn : null;
                DateOnly? delivered = isLetter ? row.a.DeliveredOn : null;
                notices.Add(new NoticeRow(row.a.Id, row.a.PersonId, row.Name, kind, AssessmentNotices.ChineseName(kind), issuedOn, state,
                    NoticeStates.ChineseName(state), copy?.UploadedBy, copy?.UploadedAt, due, delivered,
                    due is { } d && delivered is null && d < request.Today));
            }
        }

        return [.. notices.OrderBy(n => n.State == NoticeStates.Done).ThenBy(n => n.IssuedOn).ThenBy(n => n.PersonName, StringComparer.Ordinal).Take(request.Take)];
    }
}
