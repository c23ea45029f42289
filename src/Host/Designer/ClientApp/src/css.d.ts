// Stylesheets are bundled by esbuild into designer.css.
declare module '*.css';
