using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.GetCollectionImport;

/// <summary>One collection import of the current tenant with its counts; null when there is none (here).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetCollectionImportQuery(Guid ImportId) : IRequest<CollectionImportView?>;
