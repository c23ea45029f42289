// Added to the Hangfire dashboard's script bundle by AdviesRoute (HangfireDashboardScript.cs). Chart.js would put its
// stylesheet into the page as an inline <style> element, which the Content-Security-Policy refuses; the dashboard's
// own stylesheet bundle already holds those rules, so the charts lose nothing.
if (window.Chart && window.Chart.platform) {
    window.Chart.platform.disableCSSInjection = true;
}
