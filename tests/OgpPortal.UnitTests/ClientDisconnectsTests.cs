using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.UnitTests;

/// <summary>
/// Found by the soak test (bench/soak): requests still running when their clients went away were logged
/// as 500s at Error, with a stack trace, because their database queries were cancelled.
/// </summary>
public sealed class ClientDisconnectsTests
{
    [Fact]
    public async Task CancelledBecauseTheClientLeft_EndsAs499_WithoutErrorPage()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var pages = new StatusCodePagesFeature();
        context.Features.Set<IStatusCodePagesFeature>(pages);

        await Pipeline(_ => throw new TaskCanceledException())(context);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status499ClientClosedRequest);
        pages.Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task CancelledWhileTheClientIsThere_IsStillAnError()
    {
        var context = new DefaultHttpContext();

        await Should.ThrowAsync<OperationCanceledException>(() => Pipeline(_ => throw new OperationCanceledException())(context));
    }

    [Fact]
    public async Task OtherFailures_OfAnAbortedRequest_AreStillErrors()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };

        await Should.ThrowAsync<InvalidOperationException>(() => Pipeline(_ => throw new InvalidOperationException("a bug"))(context));
    }

    private static RequestDelegate Pipeline(RequestDelegate endpoint)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseClientDisconnects();
        app.Run(endpoint);
        return app.Build();
    }

    private sealed class StatusCodePagesFeature : IStatusCodePagesFeature
    {
        public bool Enabled { get; set; } = true;
    }
}
