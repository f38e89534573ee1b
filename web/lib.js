// The one way the pages draw: Preact with htm's tagged templates (no build step). Every page
// imports `html` and the hooks from here.
import { h, render, createContext, Fragment } from 'preact';
import { useState, useEffect, useRef, useMemo, useCallback, useContext, useLayoutEffect } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);
export { h, render, createContext, Fragment, useState, useEffect, useRef, useMemo, useCallback, useContext, useLayoutEffect };
