using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// Resource files cannot hold two keys that differ only in case ("Access to information", an OGP value, and
/// "Access to Information", a Challenge area): the resource compiler drops the second. Looked up without
/// regard to case, both find the one translation. Sentence fragments therefore never differ from another
/// key by case alone (TranslationTests checks it).
/// </summary>
public sealed class CaseTolerantLocalizerFactory : ResourceManagerStringLocalizerFactory
{
    private readonly ResourceNamesCache _names = new();
    private readonly ILogger<ResourceManagerStringLocalizer> _logger;

    public CaseTolerantLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggerFactory)
        : base(options, loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger<ResourceManagerStringLocalizer>();
    }

    protected override ResourceManagerStringLocalizer CreateResourceManagerStringLocalizer(Assembly assembly, string baseName) =>
        new(new ResourceManager(baseName, assembly) { IgnoreCase = true }, assembly, baseName, _names, _logger);
}
