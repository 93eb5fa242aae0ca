// Spectral custom function: an operation shows at least one example (a parameter's, the request
// body's or a success response's), so Swagger UI and client authors see real data.
'use strict';

const mediaHasExample = (content) =>
  Object.values(content || {}).some((media) => media && (media.example !== undefined || Object.keys(media.examples || {}).length > 0));

module.exports = (operation) => {
  if (!operation || typeof operation !== 'object') {
    return [];
  }

  const parameters = (operation.parameters || []).some((p) => p && (p.example !== undefined || Object.keys(p.examples || {}).length > 0));
  const body = operation.requestBody && mediaHasExample(operation.requestBody.content);
  const responses = Object.entries(operation.responses || {})
    .some(([status, response]) => /^2/.test(status) && response && mediaHasExample(response.content));
  return parameters || body || responses ? [] : [{ message: 'The operation has no example (parameter, request body or success response).' }];
};
