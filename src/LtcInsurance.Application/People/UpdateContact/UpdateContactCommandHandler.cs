using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.People.UpdateContact;

internal sealed class UpdateContactCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock, IAuditTrail audit)
    : IRequestHandler<UpdateContactCommand, RegisterChangeResult>
{
    public async Task<RegisterChangeResult> Handle(UpdateContactCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var (phone, address) = (person.Phone, person.Address);
        person.ChangeContact(request.Phone, request.Address);
        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        log.Add(person, PersonChangeFields.Phone, phone, person.Phone);
        log.Add(person, PersonChangeFields.Address, address, person.Address);
        var changed = (phone != person.Phone ? 1 : 0) + (address != person.Address ? 1 : 0);
        audit.Changed("Person", person.Id.ToString(), new { Phone = phone, Address = address }, new { person.Phone, person.Address });
        await db.SaveChangesAsync(cancellationToken);
        return new RegisterChangeResult(changed, changed == 0 ? "联系方式没有变化" : "联系方式已更正");
    }
}
