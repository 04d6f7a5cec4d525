using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.People.UpdateContact;

/// <summary>Corrects a person's contact data (联系电话, 住址); blank means none. Each changed field is kept in the history.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record UpdateContactCommand(PersonId PersonId, string? Phone, string? Address) : IRequest<RegisterChangeResult>;
