using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;

namespace LtcInsurance.Application.Reports.GetCityFigure;

internal sealed class GetCityFigureHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<GetCityFigureQuery, ReportTable>
{
    public Task<ReportTable> Handle(GetCityFigureQuery request, CancellationToken cancellationToken) =>
        Figure(db, engine, clock, request.Figure, request.Year, cancellationToken);

    internal static Task<ReportTable> Figure(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock, CityFigure figure, int? year,
        CancellationToken cancellationToken)
    {
        var today = LtcInsurance.Application.Claims.ClaimLookup.Today(clock);
        var y = year ?? today.Year;
        var yearEnd = new DateOnly(y, 12, 31);
        return figure switch
        {
            CityFigure.Insured => CityFigures.InsuredAsync(db, y, cancellationToken),
            CityFigure.Applications => CityFigures.ApplicationsAsync(db, y, cancellationToken),
            CityFigure.Beneficiaries => CityFigures.BeneficiariesAsync(db, yearEnd < today ? yearEnd : today, cancellationToken),
            CityFigure.Fund => CityFigures.FundAsync(db, y, cancellationToken),
            CityFigure.AgencyFees => CityFigures.AgencyFeesAsync(db, engine, y, cancellationToken),
            CityFigure.TopProviders => CityFigures.TopProvidersAsync(db, y, cancellationToken),
            _ => CityFigures.DeadlinesAsync(db, today, cancellationToken),
        };
    }
}
