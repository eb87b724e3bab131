// Runs structured-data-testing-tool (presets Google, Twitter, Facebook; schema NewsArticle)
// on built pages given as paths; prints one JSON report per page and exits 1 if any test failed.
// The tool's JSON-LD reader does not follow "@graph", so each graph is given to it as the
// equivalent JSON-LD array of its nodes (same @context on each): the data is unchanged.
'use strict'
const fs = require('fs')
const { structuredDataTest } = require('structured-data-testing-tool')
const { Google, Twitter, Facebook } = require('structured-data-testing-tool/presets')

const SCRIPT = /(<script type="application\/ld\+json">)([\s\S]*?)(<\/script>)/g

function withoutGraph (html) {
  return html.replace(SCRIPT, (all, open, body, close) => {
    const data = JSON.parse(body)
    if (!data['@graph']) return all
    const nodes = data['@graph'].map(node => ({ '@context': data['@context'], ...node }))
    return open + JSON.stringify(nodes).replace(/</g, '\\u003c') + close
  })
}

function summary (test) {
  return { group: test.group || null, description: test.description, test: test.test,
    error: test.error ? String(test.error.message || test.error) : null }
}

async function check (path) {
  const html = withoutGraph(fs.readFileSync(path, 'utf8'))
  let result
  try {
    result = await structuredDataTest(html, { presets: [Google, Twitter, Facebook], schemas: ['NewsArticle'] })
  } catch (error) {
    if (!error.res) throw error
    result = error.res
  }
  return { path, schemas: result.schemas, passed: result.passed.map(summary),
    failed: result.failed.map(summary), warnings: result.warnings.map(summary) }
}

(async () => {
  const reports = []
  for (const path of process.argv.slice(2)) reports.push(await check(path))
  console.log(JSON.stringify(reports))
  process.exit(reports.some(r => r.failed.length) ? 1 : 0)
})()
