using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.RecordDelivery;

internal sealed class RecordDeliveryCommandHandler(ILtcDbContext db) : IRequestHandler<RecordDeliveryCommand, DeliveryRecorded>
{
    public async Task<DeliveryRecorded> Handle(RecordDeliveryCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        AssessmentRule.Check(application.Status != ApplicationStatuses.Concluded, AssessmentCodes.NotConcluded, AssessmentClauses.Delivery,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，尚未作出评估结论，不能登记送达");
        application.RecordDelivery(request.DeliveredOn, request.Method);
        await db.SaveChangesAsync(cancellationToken);
        var due = application.DeliveryDueOn;
        var onTime = due is null || request.DeliveredOn <= due;
        var dueText = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DeliveryRecorded(request.DeliveredOn, request.Method, due, onTime,
            $"结论书已{DeliveryMethods.ChineseName(request.Method)}" + (due is null ? "" : onTime
                ? $"，在送达期限 {dueText} 内"
                : $"，已超过送达期限 {dueText}（{AssessmentClauses.Delivery}）"));
    }
}
