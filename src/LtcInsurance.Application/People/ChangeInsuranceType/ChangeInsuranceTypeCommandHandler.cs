using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.People.ChangeInsuranceType;

internal sealed class ChangeInsuranceTypeCommandHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ChangeInsuranceTypeCommand, RegisterChangeResult>
{
    public async Task<RegisterChangeResult> Handle(ChangeInsuranceTypeCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var (medical, employment) = (person.MedicalInsurance, person.Employment);
        if (medical == request.MedicalInsurance && employment == request.Employment)
            return new RegisterChangeResult(0, "医保类型和就业状态没有变化");
        var calculator = await engine.ForTenantAsync(person.TenantId, null, cancellationToken);
        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        return await db.InTransactionAsync(async ct =>
        {
            person.ChangeInsurance(request.MedicalInsurance, request.Employment);
            var since = $"自 {PersonChangeLog.Day(request.EffectiveDate)} 起";
            if (medical != person.MedicalInsurance)
                log.Add(person, PersonChangeFields.MedicalInsurance, medical.ChineseName(), person.MedicalInsurance.ChineseName(), since);
            if (employment != person.Employment)
                log.Add(person, PersonChangeFields.Employment, employment.ChineseName(), person.Employment.ChineseName(), since);
            var review = await EnrolmentReview.ReviewAsync(db, calculator, person, request.EffectiveDate, log, ct);
            ChangeOutcome.RefuseWhenBlocked(review);
            await db.SaveChangesAsync(ct);
            var fields = (medical != person.MedicalInsurance ? 1 : 0) + (employment != person.Employment ? 1 : 0);
            return new RegisterChangeResult(fields, $"医保类型与就业状态已变更。{review.Message}", review);
        }, cancellationToken);
    }
}
