using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.People.ExportPeople;

/// <summary>
/// Every person the register search finds (<see cref="PeopleSearch"/>), all pages, in list order, as the list's xlsx or
/// csv export (参保人员). ID numbers stay masked as in the list. <see cref="Status"/> and <see cref="RegionCode"/>
/// narrow it as they narrow the list (<see cref="SearchPeople.SearchPeopleQuery"/>). With a <see cref="Target"/> the rows
/// are streamed there as the database sends them (a million people: memory flat, first byte at once).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ExportPeopleQuery(string? Text, ExportFormat Format, string? Status = null, string? RegionCode = null,
    IExportTarget? Target = null)
    : IRequest<ExportedFile>;
