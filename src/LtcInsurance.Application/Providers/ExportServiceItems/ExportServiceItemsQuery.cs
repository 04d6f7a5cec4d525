using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.ExportServiceItems;

/// <summary>The catalogue as of <paramref name="AsOf"/> (null: today) as a file in the template's columns (it imports back).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ExportServiceItemsQuery(DateOnly? AsOf, ExportFormat Format) : IRequest<ExportedFile>;
