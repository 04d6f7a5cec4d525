using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.RunCollectionImport;

/// <summary>
/// Runs a queued collection import from the file stored with its job (the background job <see cref="CollectionImportJob"/>
/// sends it); a completed import is answered as it is. Answers the import as it ended (completed, or failed with the reason).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RunCollectionImportCommand(Guid ImportId) : IRequest<CollectionImportView>;
